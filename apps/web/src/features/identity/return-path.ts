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

/** Where single sign-on keeps the requested page while the browser visits the provider. */
const SSO_RETURN_KEY = 'zemag.returnTo';
/** A sign-in at the provider that takes longer than this starts over at the start page. */
const SSO_RETURN_MAX_AGE_MS = 10 * 60 * 1000;

type ReturnStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Before leaving for single sign-on (the server sends the browser back to `/`): remembers the
 * requested page in this tab's sessionStorage — a path only, never register data.
 */
export function rememberReturnPath(storage: ReturnStorage | undefined, path: string, now: Date) {
  const safe = safeReturnPath(path);
  try {
    if (safe && safe !== '/')
      storage?.setItem(SSO_RETURN_KEY, JSON.stringify({ path: safe, at: now.getTime() }));
    else storage?.removeItem(SSO_RETURN_KEY);
  } catch {
    // Storage blocked: single sign-on ends on the start page.
  }
}

/** The page remembered before single sign-on, once; null when none, stale or unsafe. */
export function takeReturnPath(storage: ReturnStorage | undefined, now: Date): string | null {
  try {
    const raw = storage?.getItem(SSO_RETURN_KEY);
    if (!raw) return null;
    storage?.removeItem(SSO_RETURN_KEY);
    const { path, at } = JSON.parse(raw) as { path?: unknown; at?: unknown };
    if (typeof path !== 'string' || typeof at !== 'number') return null;
    if (now.getTime() - at > SSO_RETURN_MAX_AGE_MS || at > now.getTime()) return null;
    return safeReturnPath(path);
  } catch {
    return null;
  }
}
