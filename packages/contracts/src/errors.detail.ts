import { ERROR_TEXTS_DE } from './errors.de.js';
import { ERROR_TEXTS_EN } from './errors.en.js';
import type { ErrorCode, LocalizedText } from './errors.js';

/** The text of an error code in both UI languages, as the API sends it in `detail`. */
export function errorDetail(code: ErrorCode): LocalizedText {
  return { de: ERROR_TEXTS_DE[code], en: ERROR_TEXTS_EN[code] };
}
