import { z } from 'zod';

/** One entry of a configurable list: a stable code (stored, audited) and its German and English text. */
export interface CatalogueEntry {
  code: string;
  de: string;
  en: string;
}

const Catalogue = z
  .array(
    z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
      de: z.string().min(1).max(200),
      en: z.string().min(1).max(200),
    }),
  )
  .min(1)
  .max(40)
  .refine((list) => new Set(list.map((p) => p.code)).size === list.length, 'codes must be unique');

/**
 * A list setting given as JSON `[{"code","de","en"}, …]` (e.g. `ZEMAG_PRECAUTIONS`), or the
 * defaults when it is not set. Problems are added to `problems` with the setting's name.
 */
export function readCatalogue(
  setting: string,
  value: string | undefined,
  defaults: readonly CatalogueEntry[],
  problems: string[],
): CatalogueEntry[] {
  if (!value) return defaults.map((entry) => ({ ...entry }));
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    problems.push(`${setting}: not valid JSON`);
    return defaults.map((entry) => ({ ...entry }));
  }
  const parsed = Catalogue.safeParse(json);
  if (parsed.success) return parsed.data;
  problems.push(
    `${setting}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'list'} ${i.message}`).join('; ')}`,
  );
  return defaults.map((entry) => ({ ...entry }));
}
