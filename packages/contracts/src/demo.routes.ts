import { DemoInfo, DemoSignInRequest } from './demo.schemas.js';
import { SessionInfo } from './identity.schemas.js';
import { route } from './route.js';

/** The demo instance's sign-in page: whether this is a demo, its accounts, one-click sign-in. */
export const demoContract = {
  info: route({
    method: 'GET',
    path: '/api/v1/demo',
    access: 'public',
    tag: 'demo',
    summary: 'Whether this is a demo instance, and its demo accounts',
    status: 200,
    response: DemoInfo,
    problems: [],
  }),
  signIn: route({
    method: 'POST',
    path: '/api/v1/demo/sign-in',
    access: 'public',
    tag: 'demo',
    summary: 'Sign in as a demo account without a password (demo instances only)',
    body: DemoSignInRequest,
    status: 200,
    response: SessionInfo,
    problems: [400, 403, 404],
  }),
};
