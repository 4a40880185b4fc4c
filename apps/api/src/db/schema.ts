/** Every table, for drizzle's typed queries and for `drizzle-kit generate`. */
export * from '../modules/audit/audit.table.js';
export * from '../modules/identity/identity.table.js';
export * from '../modules/setup/setup.table.js';
export * from '../modules/departments/departments.table.js';
export * from '../modules/mfa/mfa.table.js';
export * from '../modules/sso/sso.table.js';
export * from '../modules/idempotency/idempotency.table.js';
export * from '../modules/persons/persons.table.js';
export * from '../modules/incidents/incidents.table.js';
export * from '../modules/listings/listings.table.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/lookup/lookup.table.js';
export * from '../modules/legacy-import/legacy-import.table.js';
export * from '../modules/activation/activation.table.js';
export * from '../modules/users/status-requests.table.js';
