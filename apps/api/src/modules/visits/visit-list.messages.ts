import type { LocalizedText } from '@zemag/contracts';

/** Why one entry of a visit list was not looked up; each with a German and an English text. */
export const VISIT_MESSAGES = {
  'csv.malformed': {
    de: 'Die Zeile ist kein gültiges CSV (z. B. ein offenes Anführungszeichen).',
    en: 'The line is not valid CSV (e.g. an open quote).',
  },
  'entry.too_vague': {
    de: 'Die Zeile enthält weder einen Nachnamen mit Buchstaben noch eine Straße.',
    en: 'The line has neither a family name with letters nor a street.',
  },
  'entry.too_many_names': {
    de: 'Die Zeile hat mehr Namensteile als Nachname und Vornamen; bitte mit Komma trennen: Nachname, Vorname, Geburtsdatum, Straße Nr, PLZ Ort.',
    en: 'The line has more name parts than family name and given names; please separate with commas: family name, given names, date of birth, street no, postal code city.',
  },
  'date.invalid': {
    de: 'Das Geburtsdatum ist nicht lesbar (TT.MM.JJJJ, MM.JJJJ, JJJJ oder JJJJ-MM-TT, vierstelliges Jahr).',
    en: 'The date of birth cannot be read (DD.MM.YYYY, MM.YYYY, YYYY or YYYY-MM-DD, four-digit year).',
  },
  'date.twice': {
    de: 'Die Zeile enthält mehr als ein Datum.',
    en: 'The line has more than one date.',
  },
  'postal_code.invalid': {
    de: 'Die Postleitzahl muss fünf Ziffern haben.',
    en: 'The postal code must have five digits.',
  },
  'street.required': {
    de: 'Zu Hausnummer, Postleitzahl oder Ort fehlt die Straße.',
    en: 'A house number, postal code or city is given without the street.',
  },
  'address.twice': {
    de: 'Die Zeile enthält mehr als eine Straße; bitte eine Adresse je Zeile.',
    en: 'The line has more than one street; please one address per line.',
  },
  'value.too_long': {
    de: 'Der Wert ist zu lang (Namen und Ort höchstens 100, Straße 200, Hausnummer 20 Zeichen).',
    en: 'The value is too long (names and city at most 100, street 200, house number 20 characters).',
  },
} satisfies Record<string, LocalizedText>;

export type VisitMessage = keyof typeof VISIT_MESSAGES;

/** The message of a code (a copy, so a caller cannot change the table). */
export function messageOf(code: VisitMessage): LocalizedText {
  return { ...VISIT_MESSAGES[code] };
}
