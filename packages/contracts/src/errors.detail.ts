import { ERROR_TEXTS_DE } from './errors.de.js';
import { ERROR_TEXTS_EN } from './errors.en.js';
import type { ErrorCode, LocalizedText } from './errors.js';

/** `{{name}}` in a text replaced by the value of that name (unknown names stay as they are). */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The text of an error code in both UI languages, as the API sends it in `detail`; `params`
 * fill the text's `{{name}}` places, each in the matching language (e.g. `wait`, see waitText).
 */
export function errorDetail(
  code: ErrorCode,
  params: Record<string, LocalizedText> = {},
): LocalizedText {
  const inLanguage = (language: 'de' | 'en') =>
    Object.fromEntries(Object.entries(params).map(([name, text]) => [name, text[language]]));
  return {
    de: fillText(ERROR_TEXTS_DE[code], inLanguage('de')),
    en: fillText(ERROR_TEXTS_EN[code], inLanguage('en')),
  };
}
