import type { FieldError, LocalizedText } from '@zemag/contracts';
import type { UnprintableField } from './letter.printable.js';
import { codePoints } from './letter.runs.js';

/** What the registrar calls the fields of the letter's input. */
const FIELD_LABELS: Readonly<Record<string, LocalizedText>> = {
  'person.familyName': { de: 'Familienname', en: 'Family name' },
  'person.givenNames': { de: 'Vornamen', en: 'Given names' },
  'person.address.street': { de: 'Straße', en: 'Street' },
  'person.address.houseNumber': { de: 'Hausnummer', en: 'House number' },
  'person.address.postalCode': { de: 'Postleitzahl', en: 'Postal code' },
  'person.address.city': { de: 'Ort', en: 'City' },
  'listing.reference': { de: 'Aktenzeichen', en: 'File number' },
  'listing.precautions': { de: 'Schutzmaßnahmen', en: 'Precautions' },
};

function label(field: string): LocalizedText {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const name = field.replace(/^settings\./, '');
  return { de: `Einstellung ${name}`, en: `Setting ${name}` };
}

/** `„김“ (U+AE40), „😀“ (U+1F600)`, quoted the German or the English way. */
function listed(characters: readonly string[], open: string, close: string): string {
  return characters.map((c) => `${open}${c}${close} (${codePoints(c)})`).join(', ');
}

/**
 * One field error per field that would not print, naming the field and its characters with
 * their code points (so a character that shows as a box on screen can still be identified).
 */
export function unprintableFieldErrors(
  fields: readonly UnprintableField[],
  code: string,
): FieldError[] {
  return fields.map(({ field, characters }) => {
    const name = label(field);
    return {
      field,
      code,
      message: {
        de: `${name.de}: Diese Zeichen kann der Brief nicht drucken: ${listed(characters, '„', '“')}.`,
        en: `${name.en}: the letter cannot print these characters: ${listed(characters, '“', '”')}.`,
      },
    };
  });
}
