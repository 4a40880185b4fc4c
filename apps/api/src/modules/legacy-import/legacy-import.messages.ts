import type { LocalizedText } from '@zemag/contracts';

/** What the legacy import reports, German and English; `{name}` is filled from the params. */
export const LEGACY_MESSAGES = {
  'file.empty': { de: 'Die Datei ist leer.', en: 'The file is empty.' },
  'file.malformed': {
    de: 'Die Datei ist kein gültiges CSV (z. B. ein offenes Anführungszeichen).',
    en: 'The file is not valid CSV (e.g. an open quote).',
  },
  'file.encoding_invalid': {
    de: 'Die Datei ist kein gültiges {encoding} (erstes unlesbares Byte 0x{code}). Nichts wurde übernommen. Speichern Sie die Datei als „CSV UTF-8“ oder geben Sie den Zeichensatz an (--encoding windows-1252).',
    en: 'The file is not valid {encoding} (first unreadable byte 0x{code}). Nothing was imported. Save it as “CSV UTF-8” or name its encoding (--encoding windows-1252).',
  },
  'file.nul': {
    de: 'Die Datei enthält ein NUL-Zeichen: das ist keine Textdatei (oder ein anderer Zeichensatz, z. B. --encoding utf-16le). Nichts wurde übernommen.',
    en: 'The file contains a NUL character: it is no text file (or in another encoding, e.g. --encoding utf-16le). Nothing was imported.',
  },
  'file.quote_not_closed': {
    de: 'Ein Anführungszeichen in dieser Zeile wird bis zum Dateiende nicht geschlossen (alles danach wäre ein einziger Wert): diese und alle folgenden Zeilen werden nicht übernommen. Anführungszeichen schließen und die Datei erneut importieren; schon übernommene Zeilen werden übersprungen.',
    en: 'A quote opened in this row is not closed before the end of the file (everything after it would be one value): this row and all rows after it are not imported. Close the quote and import the file again; rows already imported are skipped.',
  },
  'row.malformed': {
    de: 'Die Zeile ist kein gültiges CSV (ein Anführungszeichen mitten im Wert oder nach dem schließenden): Wert in Anführungszeichen setzen und innere Anführungszeichen verdoppeln.',
    en: 'The row is not valid CSV (a quote inside a value or after the closing one): quote the value and double the quotes inside it.',
  },
  'name.formula': {
    de: 'Ein Name beginnt mit = + - @ wie eine Tabellenformel; Namen beginnen mit einem Buchstaben.',
    en: 'A name starts with = + - @ like a spreadsheet formula; names start with a letter.',
  },
  'column.missing': {
    de: 'Diese Pflichtspalte fehlt in der Kopfzeile.',
    en: 'This required column is missing from the header line.',
  },
  'value.required': { de: 'Pflichtangabe fehlt.', en: 'Required value missing.' },
  'value.too_long': {
    de: 'Der Wert ist zu lang (höchstens {max} Zeichen).',
    en: 'The value is too long (at most {max} characters).',
  },
  'reference.duplicate': {
    de: 'Dieses Aktenzeichen steht schon in Zeile {row}.',
    en: 'This reference is already used in row {row}.',
  },
  'date.invalid': {
    de: 'Das Datum ist nicht lesbar (TT.MM.JJJJ, MM.JJJJ, JJJJ oder JJJJ-MM-TT; nicht in der Zukunft).',
    en: 'The date cannot be read (DD.MM.YYYY, MM.YYYY, YYYY or YYYY-MM-DD; not in the future).',
  },
  'date.full_required': {
    de: 'Erwartet wird ein vollständiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).',
    en: 'A full date is expected (DD.MM.YYYY or YYYY-MM-DD).',
  },
  'date.in_future': {
    de: 'Das Datum liegt in der Zukunft.',
    en: 'The date lies in the future.',
  },
  'name.invalid': {
    de: 'Ein Name ist nicht lesbar (je Name „Nachname, Vornamen“, mehrere mit | getrennt).',
    en: 'A name cannot be read (each “family name, given names”, several separated by |).',
  },
  'address.invalid': {
    de: 'Die {index}. Adresse ist nicht lesbar (je Adresse „Straße Nr, PLZ Ort“, mehrere mit | getrennt; Straße höchstens 200, Hausnummer 20, Ort 100 Zeichen).',
    en: 'Address no. {index} cannot be read (each “street no, postal code city”, several separated by |; street at most 200, house number 20, city 100 characters).',
  },
  'level.invalid': {
    de: 'Die Stufe muss 1, 2 oder 3 sein (Aachener Modell).',
    en: 'The level must be 1, 2 or 3 (Aachen model).',
  },
  'category.unknown': {
    de: 'Unbekannte Kategorie „{text}“ (Bedrohung, Nötigung, Sachbeschädigung, körperliche Gewalt, Einsatz von Werkzeugen oder Waffen, Beleidigung).',
    en: 'Unknown category “{text}” (threat, coercion, property damage, physical violence, weapon or tool, insult).',
  },
  'complaint.invalid': {
    de: 'Strafanzeige: erwartet ja, nein, geplant oder unbekannt.',
    en: 'Criminal complaint: expected yes, no, planned or unknown.',
  },
  'precaution.unknown': {
    de: 'Unbekannte Vorsichtsmaßnahme „{text}“ (Code oder Text aus dem Katalog; Freitext in die Spalte Hinweise).',
    en: 'Unknown precaution “{text}” (code or text from the catalogue; free text goes into the notes column).',
  },
  'listing.not_qualified': {
    de: 'Kein Eintrag vorgeschlagen: Ein Eintrag braucht einen Vorfall der Stufe 2 oder 3 mit Strafanzeige.',
    en: 'No listing proposed: a listing needs an incident of level 2 or 3 with a criminal complaint.',
  },
  'listing.valid_until_invalid': {
    de: 'Kein Eintrag vorgeschlagen: „Gültig bis“ liegt mehr als 5 Jahre in der Zukunft.',
    en: 'No listing proposed: “valid until” is more than 5 years away.',
  },
  'row.expired': {
    de: 'Nicht übernommen: Die Gültigkeit endete am {date} („Gültig bis“, sonst {months} Monate nach dem Vorfall). Die Daten sind zu löschen, auch in der bisherigen Liste.',
    en: 'Not imported: its validity ended on {date} (“valid until”, else {months} months after the incident). The data is due for deletion, also in the old list.',
  },
  'row.changed': {
    de: 'Schon importiert; die Zeile wurde seither geändert. Änderungen bitte in ZeMAG vornehmen, der Import überschreibt nichts.',
    en: 'Already imported; the row has changed since. Please make changes in ZeMAG, the import overwrites nothing.',
  },
  'row.updated': {
    de: 'Schon importiert; die Zeile wurde seither geändert. Neu ergänzt: {names} Name(n), {addresses} Adresse(n). Andere Änderungen bitte in ZeMAG vornehmen, der Import überschreibt nichts.',
    en: 'Already imported; the row has changed since. Added: {names} name(s), {addresses} address(es). Please make other changes in ZeMAG, the import overwrites nothing.',
  },
  'person.possible_duplicate': {
    de: 'ZeMAG kennt schon {count} ähnliche Person(en) (Nachname, Geburtsjahr): bitte prüfen und gegebenenfalls zusammenführen.',
    en: 'ZeMAG already has {count} similar person(s) (family name, year of birth): please check and merge if they are the same.',
  },
  'row.deleted': {
    de: 'Schon importiert und inzwischen gelöscht (Löschfrist); wird nicht erneut angelegt.',
    en: 'Already imported and deleted since (retention); not created again.',
  },
} satisfies Record<string, LocalizedText>;

export type LegacyMessage = keyof typeof LEGACY_MESSAGES;

/** A message with its `{param}` placeholders filled. */
export function legacyMessage(
  code: LegacyMessage,
  params: Record<string, string | number> = {},
): LocalizedText {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) =>
      key in params ? String(params[key]) : whole,
    );
  const { de, en } = LEGACY_MESSAGES[code];
  return { de: fill(de), en: fill(en) };
}
