/**
 * The notification the service worker shows when reports sent in the background arrived and
 * no window of the app is open. Its own small texts: the service worker has no i18n bundle.
 */

/** Replaces an earlier arrival notification instead of stacking them. */
export const ARRIVAL_NOTIFICATION_TAG = 'zemag-arrival';

/** Where a tap on the notification leads. */
export const ARRIVAL_NOTIFICATION_URL = '/reports';

const TEXTS = {
  de: {
    one: 'Meldung eingegangen',
    many: (n: number) => `${n} Meldungen eingegangen`,
    reference: (r: string) => `Nr. ${r}`,
    noReference: 'Ihre Meldung ist eingegangen.',
  },
  en: {
    one: 'Report arrived',
    many: (n: number) => `${n} reports arrived`,
    reference: (r: string) => `No. ${r}`,
    noReference: 'Your report has arrived.',
  },
} as const;

/** Title and body for reports that arrived; German unless the app was set to English. */
export function arrivalNotification(
  language: string | undefined,
  references: readonly (string | null)[],
): { title: string; body: string } {
  const texts = language?.toLowerCase().startsWith('en') ? TEXTS.en : TEXTS.de;
  const known = references.filter((r): r is string => r !== null);
  return {
    title: references.length === 1 ? texts.one : texts.many(references.length),
    body: known.length > 0 ? known.map(texts.reference).join(', ') : texts.noReference,
  };
}
