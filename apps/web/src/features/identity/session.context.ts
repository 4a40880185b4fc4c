import type { SessionInfo } from '@zemag/contracts';
import { createContext, useContext } from 'react';
import type { ApiError } from '../../api/api-error';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: SessionInfo }
  | { status: 'error'; error: ApiError };

export interface SessionValue {
  state: SessionState;
  /** Call after a successful sign-in. */
  signedIn(session: SessionInfo): void;
  /** Ends the session on the server and returns to sign-in. */
  signOut(): Promise<void>;
  /** Asks the server again (after a network error). */
  reload(): void;
  /**
   * The server said the session ended (a 401 outside the API client, e.g. the outbox): shows
   * sign-in, which returns to `returnTo` afterwards.
   */
  expired(returnTo: string): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The session of the person using the app. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider>');
  return value;
}
