import { z } from 'zod';
import { ActivateAccountRequest, ActivationLink } from './organisation.schemas.js';
import { route } from './route.js';

/** Account activation with a one-time link, and issuing such a link (administration). */
export const activationContract = {
  activate: route({
    method: 'POST',
    path: '/api/v1/activation',
    access: 'public',
    tag: 'organisation',
    summary: 'Set one’s own password with the token of a one-time activation link',
    body: ActivateAccountRequest,
    status: 200,
    response: z.object({ username: z.string() }),
    problems: [400],
  }),
  reissue: route({
    method: 'POST',
    path: '/api/v1/users/:id/activation-link',
    access: 'user.manage',
    tag: 'organisation',
    summary: 'Issue a new activation link for an account not yet activated (earlier links end)',
    params: z.object({ id: z.uuid() }),
    status: 201,
    response: ActivationLink,
    problems: [400, 404, 409],
  }),
};
