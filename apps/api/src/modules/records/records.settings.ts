/**
 * The record of processing's configurable text: `ZEMAG_RECORDS_LEGAL_BASIS`, the legal basis
 * of the register as the city's data protection officer words it (paragraphs separated by `|`).
 * The default names the usual bases and is marked in the record as a text still to be checked.
 */
export interface RecordsSettings {
  legalBasis: string[];
  /** True while the shipped default is in use. */
  legalBasisIsDefault: boolean;
}

export const LEGAL_BASIS_SETTING = 'ZEMAG_RECORDS_LEGAL_BASIS';

/** The shipped default: the typical bases of such a register, to be checked by the city's DPO. */
export const DEFAULT_LEGAL_BASIS = [
  'Art. 6 Abs. 1 Buchst. c und e DSGVO (Erfüllung einer rechtlichen Verpflichtung; Wahrnehmung einer Aufgabe im öffentlichen Interesse) in Verbindung mit dem Datenschutzgesetz des Landes.',
  'Rechtliche Verpflichtung: die Fürsorgepflicht der Stadt als Arbeitgeberin und Dienstherrin für Leben und Gesundheit der Beschäftigten (§ 618 BGB, § 3 ArbSchG; für Beamtinnen und Beamte das Beamtenrecht des Landes).',
  'Angaben über Strafanzeigen (Art. 10 DSGVO) und über Verletzungen (Art. 9 DSGVO) nur auf der Grundlage der landesrechtlichen Vorschrift, die die Stadt dafür heranzieht.',
];

const MAX_PARAGRAPHS = 12;
const MAX_PARAGRAPH = 1000;

/** Reads `ZEMAG_RECORDS_LEGAL_BASIS`; problems (naming the setting) are added to `problems`. */
export function readRecordsSettings(
  env: Record<string, string | undefined>,
  problems: string[],
): RecordsSettings {
  const fallback = { legalBasis: [...DEFAULT_LEGAL_BASIS], legalBasisIsDefault: true };
  const raw = env[LEGAL_BASIS_SETTING];
  if (raw === undefined || raw.trim() === '') return fallback;
  const paragraphs = raw
    .split('|')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
  // eslint-disable-next-line no-control-regex
  if (paragraphs.some((part) => /[\u0000-\u001f\u007f]/.test(part))) {
    problems.push(`${LEGAL_BASIS_SETTING}: no control characters`);
    return fallback;
  }
  if (paragraphs.length > MAX_PARAGRAPHS) {
    problems.push(`${LEGAL_BASIS_SETTING}: at most ${MAX_PARAGRAPHS} paragraphs (separated by |)`);
    return fallback;
  }
  if (paragraphs.some((part) => part.length > MAX_PARAGRAPH)) {
    problems.push(`${LEGAL_BASIS_SETTING}: at most ${MAX_PARAGRAPH} characters per paragraph`);
    return fallback;
  }
  return { legalBasis: paragraphs, legalBasisIsDefault: false };
}
