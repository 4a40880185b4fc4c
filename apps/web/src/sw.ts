/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OUTBOX_SYNC_TAG } from './features/reports/outbox-background';
import { flushOutboxInBackground } from './features/reports/outbox.worker';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/*
 * The service worker precaches only the app shell (html, js, css, fonts) and answers page
 * navigations with it. It never caches an API response: register data must not outlive the
 * session on a device. Its one other job is Background Sync of the encrypted report outbox.
 */
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz/, /^\/readyz/],
  }),
);

// A new version takes over at once (the shell has no state worth keeping across versions).
void self.skipWaiting();
clientsClaim();

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(flushOutboxInBackground());
});
