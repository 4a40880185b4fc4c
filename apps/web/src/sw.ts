/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OUTBOX_SYNC_TAG } from './features/incidents/outbox-background';
import {
  ARRIVAL_NOTIFICATION_TAG,
  ARRIVAL_NOTIFICATION_URL,
  arrivalNotification,
} from './features/incidents/outbox-notification';
import { flushOutboxInBackground } from './features/incidents/outbox.worker';

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

/**
 * Reports sent in the background arrived: a notification, if the employee allowed them and no
 * window of the app is open (an open app shows the arrival itself).
 */
async function notifyArrivals(references: (string | null)[], language: string | undefined) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.length > 0) return;
  const { title, body } = arrivalNotification(language, references);
  await self.registration.showNotification(title, {
    body,
    tag: ARRIVAL_NOTIFICATION_TAG,
    icon: '/icons/icon-192.png',
    lang: language?.startsWith('en') ? 'en' : 'de',
  });
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) {
    sync.waitUntil(flushOutboxInBackground(undefined, notifyArrivals));
  }
});

// A tap on the notification opens "Meine Meldungen" (or brings an open window there).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window' });
      const open = windows[0];
      if (open) {
        await open.focus();
        await open.navigate(ARRIVAL_NOTIFICATION_URL).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(ARRIVAL_NOTIFICATION_URL);
    })(),
  );
});
