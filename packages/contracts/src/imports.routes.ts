import { ImportReport, ImportRequest } from './imports.schemas.js';
import { route } from './route.js';

/** CSV imports of departments and users (administration). */
export const importsContract = {
  importDepartments: route({
    method: 'POST',
    path: '/api/v1/imports/departments',
    access: 'department.manage',
    tag: 'organisation',
    summary:
      'Import departments from CSV (code;name;parent_code;contact;phone;lookup_authorised;lookup_reason)',
    body: ImportRequest,
    status: 200,
    response: ImportReport,
    problems: [],
  }),
  importUsers: route({
    method: 'POST',
    path: '/api/v1/imports/users',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Import users from CSV (username;display_name;department_code;roles)',
    body: ImportRequest,
    status: 200,
    response: ImportReport,
    problems: [],
  }),
};
