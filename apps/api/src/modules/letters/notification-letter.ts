import { notificationLetter, type NotificationLetterInput } from './letter.content.js';
import { renderLetterPdf } from './letter.pdf.js';
import { LetterUnprintableError, unprintableFields } from './letter.printable.js';

export type { NotificationLetterInput } from './letter.content.js';
export type { LetterheadSettings } from './letter.settings.js';
export { LetterUnprintableError, type UnprintableField } from './letter.printable.js';

/**
 * The Art. 14 GDPR letter for an active listing, as PDF bytes (for the listings service).
 * Throws `LetterUnprintableError` naming the fields when some text would not print in full:
 * a letter never goes out with a name left out or printed as empty boxes.
 */
export async function notificationLetterPdf(input: NotificationLetterInput): Promise<Uint8Array> {
  const unprintable = await unprintableFields(input);
  if (unprintable.length > 0) throw new LetterUnprintableError(unprintable);
  return renderLetterPdf(notificationLetter(input));
}
