import { z } from 'zod';
import { route } from './route.js';
import { SsoConfig } from './sso.schemas.js';

const CallbackQuery = z
  .object({
    code: z.string(),
    state: z.string(),
    iss: z.string(),
    error: z.string(),
    error_description: z.string(),
    session_state: z.string(),
  })
  .partial();

/** Single sign-on (OpenID Connect): configuration, start, callback. */
export const ssoContract = {
  config: route({
    method: 'GET',
    path: '/api/v1/sso/config',
    access: 'public',
    tag: 'sso',
    summary: 'Whether single sign-on is offered, and the button text',
    status: 200,
    response: SsoConfig,
    problems: [],
  }),
  start: route({
    method: 'GET',
    path: '/api/v1/sso/start',
    access: 'public',
    tag: 'sso',
    summary: 'Starts a sign-in at the identity provider (302 there, or back to /sign-in)',
    status: 302,
    response: z.null(),
    problems: [],
  }),
  callback: route({
    method: 'GET',
    path: '/api/v1/sso/callback',
    access: 'public',
    tag: 'sso',
    summary: 'The identity provider sends the browser back here (302 to / or /sign-in)',
    query: CallbackQuery,
    status: 302,
    response: z.null(),
    problems: [],
  }),
};
