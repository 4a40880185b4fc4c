/** The query parameter of `/sign-in` that names the page to return to after signing in. */
export const RETURN_PARAM = 'next';

// A stand-in origin: a value that resolves anywhere else is not a path of this app.
const BASE = 'https://zemag.invalid';

// Pages that make no sense to return to (sign-in itself, one-time links) and the API.
const NEVER = [
  /^\/sign-in$/,
  /^\/setup$/,
  /^\/activate$/,
  /^\/api(\/|$)/,
  /^\/healthz$/,
  /^\/readyz$/,
];

function hasControl(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/**
 * The app path to return to after sign-in, or null when `value` is none: only paths of this
 * app (never another site, `//host`, `/\host` or `javascript:`), without the fragment (one-time
 * tokens live there).
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || !value.startsWith('/')) return null;
  // Browsers read `//host` and `/\host` as another site; control characters hide such tricks.
  if (/^\/[/\\]/.test(value) || value.includes('\\') || hasControl(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return null;
  return `${url.pathname}${url.search}`;
}

/** The sign-in page that returns to `returnTo` (plain `/sign-in` for the start page). */
export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path && path !== '/' ? `/sign-in?${RETURN_PARAM}=${encodeURIComponent(path)}` : '/sign-in';
}

/**
 * Where to go after signing in at `location`: the `next` of `/sign-in?next=…`, or the page
 * itself when the sign-in form was shown in place of a page that needs a session.
 */
export function pathAfterSignIn(location: { pathname: string; search: string }): string {
  if (location.pathname === '/sign-in') {
    return safeReturnPath(new URLSearchParams(location.search).get(RETURN_PARAM)) ?? '/';
  }
  return safeReturnPath(`${location.pathname}${location.search}`) ?? '/';
}
