import { z } from 'zod';
import { Department, DepartmentInput } from './organisation.schemas.js';
import { route } from './route.js';

const IdParams = z.object({ id: z.uuid() });

/** Departments (administration). */
export const departmentsContract = {
  list: route({
    method: 'GET',
    path: '/api/v1/departments',
    access: 'department.manage',
    tag: 'organisation',
    summary: 'All departments',
    status: 200,
    response: z.object({ departments: z.array(Department) }),
    problems: [],
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/departments',
    access: 'department.manage',
    tag: 'organisation',
    summary: 'Create a department',
    body: DepartmentInput,
    status: 201,
    response: Department,
    problems: [400, 409],
  }),
  update: route({
    method: 'PUT',
    path: '/api/v1/departments/:id',
    access: 'department.manage',
    tag: 'organisation',
    summary: 'Change a department (also its look-up authorisation)',
    params: IdParams,
    body: DepartmentInput,
    status: 200,
    response: Department,
    problems: [400, 404, 409],
  }),
};
