import { useEffect } from 'react';
import { navigate, useRoute } from '../../app/router';
import { takeReturnPath } from './return-path';
import { useSession } from './session.context';

/** This tab's sessionStorage, if the browser allows it. */
export function returnPathStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * After single sign-on the server sends the browser to the start page: from there, on to the
 * page that was asked for before (remembered by the sign-in button, see rememberReturnPath).
 */
export function ReturnAfterSso() {
  const { state } = useSession();
  const { path } = useRoute();
  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (!signedIn || path !== '/') return;
    const back = takeReturnPath(returnPathStorage(), new Date());
    if (back && back !== '/') navigate(back, { replace: true });
  }, [signedIn, path]);
  return null;
}
