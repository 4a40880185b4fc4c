import type { SessionInfo } from '@zemag/contracts';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { ApiError, isUnauthenticated } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { navigate } from '../../app/router';
import { fetchSession, signOut as endSession } from './identity.api';
import { signInPath } from './return-path';
import { SessionContext, type SessionState, type SessionValue } from './session.context';

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ status: 0, code: 'client.unexpected_response' });
}

/** Who is signed in, as a session state: asked once before the first render. */
export async function loadSessionState(api: ApiClient): Promise<SessionState> {
  try {
    const session = await fetchSession(api);
    return session ? { status: 'signed-in', session } : { status: 'signed-out' };
  } catch (error) {
    return { status: 'error', error: asApiError(error) };
  }
}

/**
 * Holds who is signed in. The session itself lives in an HttpOnly cookie; nothing about it is
 * stored in the browser. Any 401 from the API ends the local session and returns to sign-in.
 */
export function SessionProvider({
  children,
  initial,
}: {
  children: ReactNode;
  /** The answer asked for before the first render (main.tsx), so the first page is final. */
  initial?: SessionState;
}) {
  const api = useApi();
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const knownAtStart = useRef(initial !== undefined && initial.status !== 'loading');
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    if (attempt === 0 && knownAtStart.current) return;
    let cancelled = false;
    fetchSession(api).then(
      (session) => {
        if (!cancelled)
          setState(session ? { status: 'signed-in', session } : { status: 'signed-out' });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  useEffect(
    () =>
      api.onUnauthenticated(() => {
        if (stateRef.current.status !== 'signed-in') return;
        setState({ status: 'signed-out' });
        // Sign-in returns to the page the employee was on.
        navigate(signInPath(`${window.location.pathname}${window.location.search}`), {
          notice: 'sessionExpired',
          replace: true,
        });
      }),
    [api],
  );

  const expired = useCallback((returnTo: string) => {
    setState({ status: 'signed-out' });
    navigate(signInPath(returnTo), { notice: 'sessionExpired' });
  }, []);

  const signedIn = useCallback((session: SessionInfo) => {
    setState({ status: 'signed-in', session });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await endSession(api);
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
    }
    setState({ status: 'signed-out' });
    navigate('/sign-in', { notice: 'signedOut', replace: true });
  }, [api]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ state, signedIn, signOut, reload, expired }),
    [state, signedIn, signOut, reload, expired],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
