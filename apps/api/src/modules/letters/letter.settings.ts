import { z } from 'zod';

/** The city's letterhead and the fixed parts of the notification letter, from configuration. */
export interface LetterheadSettings {
  /** The city's name as printed ("Stadt Musterstadt" is built from it). */
  cityName: string;
  /** The sending office's name (first line of the letterhead). */
  senderOffice: string;
  /** The office's postal address, one line each. */
  senderAddress: string[];
  /** How to reach the office (phone, e-mail, opening hours), one line each. */
  contact: string[];
  /** The data protection officer's contact, one line each. */
  dpoContact: string[];
  /** The supervisory authority: name first, then its address, one line each. */
  supervisoryAuthority: string[];
  /** The legal basis of the register, as printed in the letter. */
  legalBasis: string;
  /** Departments whose authorised field staff may look up the register. */
  departments: string[];
  /** Who signs the letter: the office, never a person's name. */
  officeName: string;
  /** The office's function mailbox (e-mail address), printed as its contact. */
  officeMailbox: string;
}

/**
 * Defaults are a fictional demo city: every value says "Musterstadt" or `.example`, so a letter
 * printed with them can never be mistaken for a real one. Production sets every variable.
 */
export const LETTER_DEFAULTS = {
  ZEMAG_CITY_NAME: 'Musterstadt',
  ZEMAG_LETTER_SENDER: 'Ordnungsamt – ZeMAG-Stelle|Musterplatz 1|12345 Musterstadt',
  ZEMAG_LETTER_CONTACT: 'Telefon 01234 567-890|zemag@musterstadt.example',
  ZEMAG_DPO_CONTACT:
    'Behördliche Datenschutzbeauftragte der Stadt Musterstadt|Musterplatz 1, 12345 Musterstadt|Telefon 01234 567-100|datenschutz@musterstadt.example',
  ZEMAG_SUPERVISORY_AUTHORITY:
    'Landesbeauftragte für Datenschutz und Informationsfreiheit Musterland|Musterallee 5, 12345 Musterstadt|poststelle@ldi.musterland.example',
  ZEMAG_LETTER_LEGAL_BASIS:
    'Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit [Platzhalter: landesrechtliche Rechtsgrundlage der Stadt Musterstadt – im Echtbetrieb durch die geltende Vorschrift ersetzen]',
  ZEMAG_LETTER_DEPARTMENTS:
    'Ordnungsamt|Sozialamt|Jugendamt|Rettungsdienst|Kämmerei (Vollstreckung)',
  ZEMAG_LETTER_OFFICE_NAME: 'ZeMAG-Stelle der Stadt Musterstadt',
  ZEMAG_LETTER_OFFICE_MAILBOX: 'zemag@musterstadt.example',
} as const;

/** `a|b|c` → ['a','b','c'], trimmed, empty parts dropped; at least one line. */
const lines = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v))
    .transform((v) =>
      v
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(z.string().max(200)).min(1, 'needs at least one line').max(8, 'at most 8 lines'));

const line = (fallback: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v.trim()))
    .pipe(z.string().min(1).max(max));

const LetterEnv = z.object({
  ZEMAG_CITY_NAME: line(LETTER_DEFAULTS.ZEMAG_CITY_NAME, 100),
  ZEMAG_LETTER_SENDER: lines(LETTER_DEFAULTS.ZEMAG_LETTER_SENDER).refine(
    (parts) => parts.length >= 2,
    'needs the office name and at least one address line, separated by |',
  ),
  ZEMAG_LETTER_CONTACT: lines(LETTER_DEFAULTS.ZEMAG_LETTER_CONTACT),
  ZEMAG_DPO_CONTACT: lines(LETTER_DEFAULTS.ZEMAG_DPO_CONTACT),
  ZEMAG_SUPERVISORY_AUTHORITY: lines(LETTER_DEFAULTS.ZEMAG_SUPERVISORY_AUTHORITY),
  ZEMAG_LETTER_LEGAL_BASIS: line(LETTER_DEFAULTS.ZEMAG_LETTER_LEGAL_BASIS, 1000),
  ZEMAG_LETTER_DEPARTMENTS: lines(LETTER_DEFAULTS.ZEMAG_LETTER_DEPARTMENTS).pipe(
    z.array(z.string()).max(30, 'at most 30 departments'),
  ),
  ZEMAG_LETTER_OFFICE_NAME: line(LETTER_DEFAULTS.ZEMAG_LETTER_OFFICE_NAME, 200),
  ZEMAG_LETTER_OFFICE_MAILBOX: line(LETTER_DEFAULTS.ZEMAG_LETTER_OFFICE_MAILBOX, 200).pipe(
    z.email('needs an e-mail address (the office’s function mailbox)'),
  ),
});

/** Thrown with every problem at once, one per line (`VARIABLE: problem`). */
export class LetterSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid letter settings:\n${problems.join('\n')}`);
    this.name = 'LetterSettingsError';
  }
}

/** Reads and validates the letterhead from environment variables; throws a readable list. */
export function readLetterheadSettings(
  env: Record<string, string | undefined>,
): LetterheadSettings {
  const parsed = LetterEnv.safeParse({
    ZEMAG_CITY_NAME: env.ZEMAG_CITY_NAME,
    ZEMAG_LETTER_SENDER: env.ZEMAG_LETTER_SENDER,
    ZEMAG_LETTER_CONTACT: env.ZEMAG_LETTER_CONTACT,
    ZEMAG_DPO_CONTACT: env.ZEMAG_DPO_CONTACT,
    ZEMAG_SUPERVISORY_AUTHORITY: env.ZEMAG_SUPERVISORY_AUTHORITY,
    ZEMAG_LETTER_LEGAL_BASIS: env.ZEMAG_LETTER_LEGAL_BASIS,
    ZEMAG_LETTER_DEPARTMENTS: env.ZEMAG_LETTER_DEPARTMENTS,
    ZEMAG_LETTER_OFFICE_NAME: env.ZEMAG_LETTER_OFFICE_NAME,
    ZEMAG_LETTER_OFFICE_MAILBOX: env.ZEMAG_LETTER_OFFICE_MAILBOX,
  });
  if (!parsed.success) {
    throw new LetterSettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'letter'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const [senderOffice, ...senderAddress] = e.ZEMAG_LETTER_SENDER;
  return {
    cityName: e.ZEMAG_CITY_NAME,
    senderOffice: senderOffice ?? '',
    senderAddress,
    contact: e.ZEMAG_LETTER_CONTACT,
    dpoContact: e.ZEMAG_DPO_CONTACT,
    supervisoryAuthority: e.ZEMAG_SUPERVISORY_AUTHORITY,
    legalBasis: e.ZEMAG_LETTER_LEGAL_BASIS,
    departments: e.ZEMAG_LETTER_DEPARTMENTS,
    officeName: e.ZEMAG_LETTER_OFFICE_NAME,
    officeMailbox: e.ZEMAG_LETTER_OFFICE_MAILBOX,
  };
}
