/**
 * The one-time token from a setup link `…/setup#token=…`. It sits in the fragment, which the
 * browser never sends to a server; returns null when there is none.
 */
export function extractSetupToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim();
  return token ? token : null;
}

/**
 * Reads the token and removes it from the address bar at once, so it does not stay in the
 * history, a bookmark or a screenshot.
 */
export function takeSetupToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState' | 'state'>,
): string | null {
  const token = extractSetupToken(location.hash);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

let captured: string | null = null;

/**
 * Takes the token from the current address once and keeps it in memory only, so a second
 * render (React strict mode) still sees it after the address bar was cleaned.
 */
export function captureSetupToken(): string | null {
  const token = takeSetupToken(window.location, window.history);
  if (token) captured = token;
  return captured;
}

/** Forgets the token after it was used. */
export function forgetSetupToken(): void {
  captured = null;
}
