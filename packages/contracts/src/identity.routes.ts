import { z } from 'zod';
import { SessionInfo, SignInRequest } from './identity.schemas.js';
import { route } from './route.js';

/** Sign-in, the current session, sign-out. */
export const identityContract = {
  signIn: route({
    method: 'POST',
    path: '/api/v1/session',
    access: 'public',
    tag: 'identity',
    summary: 'Sign in with user name and password',
    body: SignInRequest,
    status: 200,
    response: SessionInfo,
    problems: [400, 401, 429],
  }),
  session: route({
    method: 'GET',
    path: '/api/v1/session',
    // `session`: the web app learns from it that a second factor is still due.
    access: 'session',
    tag: 'identity',
    summary: 'The signed-in user, their roles, abilities and second-factor state',
    status: 200,
    response: SessionInfo,
    problems: [401],
  }),
  signOut: route({
    method: 'DELETE',
    path: '/api/v1/session',
    access: 'session',
    tag: 'identity',
    summary: 'Sign out: ends the session on the server',
    status: 204,
    response: z.null(),
    problems: [401],
  }),
};
