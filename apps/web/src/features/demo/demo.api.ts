import { demoContract, type DemoInfo, type SessionInfo } from '@zemag/contracts';
import type { ApiClient } from '../../api/api-client';

/** Whether this instance is a demo, and its demo accounts (empty on a real instance). */
export function fetchDemoInfo(api: ApiClient): Promise<DemoInfo> {
  return api.call(demoContract.info);
}

/** One-click sign-in as a demo account; the server sets the session cookie. */
export function demoSignIn(api: ApiClient, username: string): Promise<SessionInfo> {
  return api.call(demoContract.signIn, { body: { username } });
}
