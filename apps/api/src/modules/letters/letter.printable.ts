import { clean, type NotificationLetterInput } from './letter.content.js';
import { fontsFor, type LetterFonts } from './letter.fonts.js';
import { planRuns } from './letter.runs.js';

/** A field of the letter's input with characters none of the shipped fonts can print. */
export interface UnprintableField {
  /** Path of the field in the input, e.g. `person.familyName`, `settings.cityName`. */
  field: string;
  /** The characters (grapheme clusters) that cannot be printed, each once. */
  characters: string[];
}

/** The letter cannot be printed in full; nothing was produced. */
export class LetterUnprintableError extends Error {
  constructor(readonly fields: UnprintableField[]) {
    super(`letter cannot be printed: ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'LetterUnprintableError';
  }
}

/**
 * Settings printed on one line in the Latin face (letterhead, return line, page header,
 * footer), which shrink to fit instead of wrapping and so do not take other faces.
 */
const LATIN_FACE_ONLY = new Set([
  'listing.reference',
  'settings.cityName',
  'settings.senderOffice',
  'settings.senderAddress',
  'settings.contact',
]);

/** Every text of the input the letter prints, by field path. */
export function printedFields(input: NotificationLetterInput): [string, string][] {
  const { person, listing, settings } = input;
  const fields: [string, string][] = [
    ['person.familyName', person.familyName],
    ['person.givenNames', person.givenNames],
    ['listing.reference', listing.reference],
    ...listing.precautions.map((p): [string, string] => ['listing.precautions', p]),
  ];
  if (person.address) {
    for (const key of ['street', 'houseNumber', 'postalCode', 'city'] as const) {
      fields.push([`person.address.${key}`, person.address[key]]);
    }
  }
  for (const [key, value] of Object.entries(settings) as [string, unknown][]) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (typeof v === 'string') fields.push([`settings.${key}`, v]);
  }
  return fields.map(([field, text]) => [field, clean(text)]);
}

/** The clusters of `text` that cannot be printed: no face has them, or fontkit cannot set them. */
export function unprintableIn(fonts: LetterFonts, text: string): string[] {
  const plan = planRuns(fonts, text, 'regular');
  if (plan.runs === null) return plan.missing;
  // Lay every run out once, as the PDF will: a font that cannot set it refuses here, not there.
  return plan.runs.flatMap((run) => {
    try {
      fonts.faces.get(run.face)!.layout(run.text);
      return [];
    } catch {
      return [run.text];
    }
  });
}

/**
 * The fields of a letter that would not print in full (empty when all print). Called before
 * the letter is produced, so an unprintable name is refused instead of printed as gaps.
 */
export async function unprintableFields(
  input: NotificationLetterInput,
): Promise<UnprintableField[]> {
  const fields = printedFields(input);
  const fonts = await fontsFor(fields.map(([, text]) => text));
  const latin: LetterFonts = {
    faces: new Map(['regular', 'bold'].map((face) => [face, fonts.faces.get(face)!])),
  };
  const found = new Map<string, Set<string>>();
  for (const [field, text] of fields) {
    const missing = unprintableIn(LATIN_FACE_ONLY.has(field) ? latin : fonts, text);
    if (missing.length === 0) continue;
    const set = found.get(field) ?? new Set<string>();
    for (const m of missing) set.add(m);
    found.set(field, set);
  }
  return [...found].map(([field, characters]) => ({ field, characters: [...characters] }));
}
