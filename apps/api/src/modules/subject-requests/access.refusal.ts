import type { FieldError } from '@zemag/contracts';
import type { UnprintableField } from '../letters/letter.printable.js';
import { codePoints } from '../letters/letter.runs.js';

const LABELS: Readonly<Record<string, { de: string; en: string }>> = {
  'person.familyName': { de: 'Familienname', en: 'Family name' },
  'person.givenNames': { de: 'Vornamen', en: 'Given names' },
  'person.dateOfBirth': { de: 'Geburtsdatum', en: 'Date of birth' },
};

function label(field: string) {
  return LABELS[field] ?? { de: `Feld ${field}`, en: `Field ${field}` };
}

/** One field error per personal text the access letter could not print, with code points. */
export function accessFieldErrors(fields: readonly UnprintableField[]): FieldError[] {
  return fields.map(({ field, characters }) => {
    const name = label(field);
    const list = (open: string, close: string) =>
      characters.map((c) => `${open}${c}${close} (${codePoints(c)})`).join(', ');
    return {
      field,
      code: 'subject_request.export_unprintable',
      message: {
        de: `${name.de}: Diese Zeichen kann die Auskunft als PDF nicht drucken: ${list('„', '“')}. Die Auskunft als JSON enthält sie.`,
        en: `${name.en}: the PDF answer cannot print these characters: ${list('“', '”')}. The JSON answer contains them.`,
      },
    };
  });
}
