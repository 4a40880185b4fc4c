import { useSyncExternalStore } from 'react';

/** A one-time message shown on the page navigated to; kept in history state, never in the URL. */
export type Notice = 'setupCompleted' | 'signedOut' | 'sessionExpired' | 'accountActivated';

export interface Route {
  path: string;
  notice: Notice | undefined;
}

const NOTICES: readonly Notice[] = [
  'setupCompleted',
  'signedOut',
  'sessionExpired',
  'accountActivated',
];

function readNotice(state: unknown): Notice | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  const notice = (state as { notice: unknown }).notice;
  return NOTICES.find((known) => known === notice);
}

function readRoute(): Route {
  return { path: window.location.pathname, notice: readNotice(window.history.state) };
}

let current: Route | undefined;
let navigations = 0;
const listeners = new Set<() => void>();

function update() {
  current = readRoute();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', update);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', update);
  };
}

function snapshot(): Route {
  current ??= readRoute();
  return current;
}

/** The current path and notice; re-renders on navigation and on the browser's back/forward. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Goes to an app path. `replace` keeps the history from filling with redirects. */
export function navigate(
  path: string,
  { notice, replace = false }: { notice?: Notice; replace?: boolean } = {},
): void {
  const state = notice ? { notice } : null;
  if (replace) window.history.replaceState(state, '', path);
  else window.history.pushState(state, '', path);
  navigations += 1;
  update();
}

/** True once the user has moved within the app (then focus moves to the new page's heading). */
export function hasNavigated(): boolean {
  return navigations > 0;
}
