import { z } from 'zod';
import { route } from './route.js';
import { SetupAdminRequest, SetupStatus } from './setup.schemas.js';

/** First run: is setup needed, and create the first administrator with the one-time link. */
export const setupContract = {
  status: route({
    method: 'GET',
    path: '/api/v1/setup',
    access: 'public',
    tag: 'setup',
    summary: 'Whether the first administrator must still be created',
    status: 200,
    response: SetupStatus,
    problems: [],
  }),
  createAdmin: route({
    method: 'POST',
    path: '/api/v1/setup/admin',
    access: 'public',
    tag: 'setup',
    summary: 'Create the first administrator with the one-time setup token',
    body: SetupAdminRequest,
    status: 201,
    response: z.object({ username: z.string() }),
    problems: [400, 409],
  }),
};
