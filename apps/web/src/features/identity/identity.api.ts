import { identityContract, type SessionInfo, type SignInRequest } from '@zemag/contracts';
import type { ApiClient } from '../../api/api-client';
import { isUnauthenticated } from '../../api/api-error';

/** The current session, or null when nobody is signed in. */
export async function fetchSession(api: ApiClient): Promise<SessionInfo | null> {
  try {
    return await api.call(identityContract.session);
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

/** Signs in; the server sets the HttpOnly session cookie. */
export function signIn(api: ApiClient, request: SignInRequest): Promise<SessionInfo> {
  return api.call(identityContract.signIn, { body: request });
}

/** Ends the session on the server. */
export function signOut(api: ApiClient): Promise<void> {
  return api.call(identityContract.signOut);
}
