import { notificationLetter, type NotificationLetterInput } from './letter.content.js';
import { renderLetterPdf } from './letter.pdf.js';

export type { NotificationLetterInput } from './letter.content.js';
export type { LetterheadSettings } from './letter.settings.js';

/** The Art. 14 GDPR letter for an activated listing, as PDF bytes (for the listings service). */
export async function notificationLetterPdf(input: NotificationLetterInput): Promise<Uint8Array> {
  return renderLetterPdf(notificationLetter(input));
}
