/**
 * Dates of birth as field staff type them: `17.05.1980`, `17.5.1980`, `05.1980`, `1980`, or
 * ISO (`1980-05-17`). The look-up takes an ISO partial date (`1980-05-17`, `1980-05`, `1980`).
 * The reading itself is the app's one date parser (`ui/date-text.ts`).
 */
import { type DateText, formatDateText, parseDateText } from '../../ui/date-text';

/** What a typed date of birth reads as. */
export type BirthDateInput = DateText;

/**
 * Reads a typed date of birth. `today` (`YYYY-MM-DD`) rules out dates in the future. Two-digit
 * years are refused: `17.05.20` could be 1920 or 2020.
 */
export function parseBirthDate(text: string, today: string): BirthDateInput {
  return parseDateText(text, { partial: true, notAfter: today });
}

/** An ISO partial date for people: `17.05.1980`, `05.1980`, `1980` (en: `17/05/1980`). */
export const formatBirthDate = formatDateText;
