export * from './roles.js';
export * from './permissions.js';
export * from './errors.js';
export * from './identity.schemas.js';
export * from './setup.schemas.js';
export * from './organisation.schemas.js';
export * from './imports.schemas.js';
export * from './sso.schemas.js';
