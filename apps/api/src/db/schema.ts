/** Every table, for drizzle's typed queries and for `drizzle-kit generate`. */
export * from '../modules/audit/audit.table.js';
export * from '../modules/identity/identity.table.js';
export * from '../modules/setup/setup.table.js';
export * from '../modules/departments/departments.table.js';
export * from '../modules/mfa/mfa.table.js';
export * from '../modules/sso/sso.table.js';
