import type { IncidentCategory } from '@zemag/contracts';
import { germanDate } from './german-date.js';
import type { LetterheadSettings } from './letter.settings.js';

/** A block of the letter's body, in reading order. */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Lines printed as they are (an address, a contact), indented, without bullets. */
  | { kind: 'lines'; lines: string[] };

/** A letter as structure: all of its text, none of its layout. */
export interface LetterDocument {
  /** Document title (PDF metadata). */
  title: string;
  /** Who the PDF says wrote it (PDF metadata). */
  author: string;
  /** Letterhead at the top right: heading line and the office's lines. */
  letterhead: { heading: string; lines: string[] };
  /** The small return-address line above the recipient (window envelope). */
  returnLine: string;
  /** Recipient's address lines. */
  recipient: string[];
  /** Information block beside the address: reference, date, contact. */
  details: { label: string; value: string }[];
  /** The reference repeated in the header of following pages. */
  reference: string;
  subject: string;
  salutation: string;
  body: LetterBlock[];
  /** Complimentary close and signature lines. */
  closing: string[];
  /** Small print at the bottom of every page. */
  footer: string[];
}

/** What the listings service hands over when a listing is activated. */
export interface NotificationLetterInput {
  settings: LetterheadSettings;
  person: {
    familyName: string;
    givenNames: string;
    address: { street: string; houseNumber: string; postalCode: string; city: string } | null;
  };
  listing: {
    /** File number of the listing, e.g. "ZeMAG-2027-0042". */
    reference: string;
    level: 2 | 3;
    categories: IncidentCategory[];
    /** Precautions as German text, already resolved from the catalogue. */
    precautions: string[];
    validUntil: string;
    activatedOn: string;
    incidents: { occurredOn: string; categories: IncidentCategory[] }[];
  };
  /** Date of the letter, YYYY-MM-DD. */
  date: string;
}

/** German words for the incident categories, in the order the letter lists them. */
export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, string>> = {
  threat: 'Bedrohung',
  coercion: 'Nötigung',
  property_damage: 'Sachbeschädigung',
  physical_violence: 'körperliche Gewalt',
  weapon_or_tool: 'Einsatz von Werkzeugen oder Waffen',
  insult: 'Beleidigung',
};

const LEVEL_MEANING: Readonly<Record<2 | 3, string>> = {
  2: 'körperliche Gewalt, deutliche Bedrohung, Nötigung oder Sachbeschädigung',
  3: 'Einsatz von Waffen oder Werkzeugen, Amoklage, Geiselnahme oder Raub',
};

// Control and bidi-override characters would break lines or reorder the printed text; a name is
// otherwise printed exactly as stored (markup included: a PDF has no markup to inject into).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A text as the letter prints it: control and bidi characters out, spaces collapsed. */
export function clean(text: string): string {
  return text.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
}

/** Category codes → German words, each once, in the canonical order. */
export function categoryWords(codes: readonly IncidentCategory[]): string {
  const order = Object.keys(CATEGORY_LABELS) as IncidentCategory[];
  return order
    .filter((code) => codes.includes(code))
    .map((code) => CATEGORY_LABELS[code])
    .join(', ');
}

/** Builds the Art. 14 GDPR notification letter for an activated listing. Pure: no I/O. */
export function notificationLetter(input: NotificationLetterInput): LetterDocument {
  const { settings: s, listing } = input;
  if (listing.level !== 2 && listing.level !== 3) {
    throw new RangeError(`a listing has level 2 or 3, not ${String(listing.level)}`);
  }
  if (listing.incidents.length === 0) {
    throw new RangeError('a listing rests on at least one confirmed incident');
  }
  const city = `Stadt ${clean(s.cityName)}`;
  const name = clean(`${input.person.givenNames} ${input.person.familyName}`);
  const reference = clean(listing.reference);
  // Signed by the office with its function mailbox, never by the registrar who produced it.
  const officeName = clean(s.officeName);
  const mailbox = clean(s.officeMailbox);
  const office = [s.senderOffice, ...s.senderAddress].map(clean);
  const address = input.person.address;
  const recipient = address
    ? [
        name,
        clean(`${address.street} ${address.houseNumber}`),
        clean(`${address.postalCode} ${address.city}`),
      ]
    : [name, '(Anschrift nicht bekannt)'];

  const incidents = [...listing.incidents]
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))
    .map((i) => `${germanDate(i.occurredOn)}: ${categoryWords(i.categories)}`);
  const categories = categoryWords(listing.categories);
  const precautions = listing.precautions.map(clean).filter((p) => p !== '');
  const validUntil = germanDate(listing.validUntil);
  const departments = s.departments.map(clean).join(', ');
  const authority = s.supervisoryAuthority.map(clean);

  const body: LetterBlock[] = [
    {
      kind: 'paragraph',
      text:
        `die ${city} führt das Zentrale Melde- und Auskunftssystem bei Gefährdung von ` +
        `Mitarbeitenden (ZeMAG). Hiermit informieren wir Sie nach Art. 14 der ` +
        `Datenschutz-Grundverordnung (DSGVO), dass seit dem ${germanDate(listing.activatedOn)} ` +
        `ein Gefährdungshinweis zu Ihrer Person im Register ZeMAG gespeichert ist.`,
    },
    { kind: 'heading', text: '1. Warum Sie eingetragen sind' },
    {
      kind: 'paragraph',
      text:
        'Der Eintrag beruht auf den folgenden Vorfällen. Beschäftigte der Stadt haben sie ' +
        'gemeldet (daher stammen die Daten); die ZeMAG-Stelle hat sie geprüft und bestätigt:',
    },
    { kind: 'list', items: incidents },
    {
      kind: 'paragraph',
      text:
        `Der Eintrag ist der Stufe ${listing.level} des Aachener Modells zugeordnet ` +
        `(${LEVEL_MEANING[listing.level]}). Das Aachener Modell ordnet Gefährdungen von ` +
        `Beschäftigten in Stufen von 0 bis 3 ein. Kategorien des Eintrags: ${categories}.`,
    },
    { kind: 'heading', text: '2. Wie lange der Eintrag gilt' },
    {
      kind: 'paragraph',
      text:
        `Der Eintrag gilt bis zum ${validUntil}. Danach endet er von selbst; Beschäftigte im ` +
        `Außendienst sehen ihn dann nicht mehr, und die Daten werden nach Ablauf der festgelegten ` +
        `Aufbewahrungsfrist gelöscht. Vor dem Ende prüft die ZeMAG-Stelle, ob er noch ` +
        `erforderlich ist. Verlängert werden kann er nur mit Begründung, und nur wenn zwei ` +
        `Beschäftigte der ZeMAG-Stelle das entscheiden; sonst endet er zum genannten Tag.`,
    },
    { kind: 'heading', text: '3. Welche Daten gespeichert sind' },
    {
      kind: 'list',
      items: [
        'Familienname und Vornamen, gegebenenfalls frühere oder weitere Namen, Geburtsdatum',
        'Anschriften, jeweils mit dem Zeitraum, in dem sie galten',
        `Gefährdungsstufe (${listing.level}) und Kategorien (${categories})`,
        precautions.length > 0
          ? `Schutzmaßnahmen für Beschäftigte: ${precautions.join('; ')}`
          : 'Schutzmaßnahmen für Beschäftigte: keine besonderen',
        'zu den genannten Vorfällen: Datum, Ort, Art des Vorfalls, Beschreibung, Verletzungen, ' +
          'Beteiligung der Polizei und Aktenzeichen der Strafanzeige',
      ],
    },
    { kind: 'heading', text: '4. Wer die Daten sehen kann' },
    {
      kind: 'list',
      items: [
        'die Beschäftigten der oben genannten ZeMAG-Stelle, die den Eintrag führen und prüfen;',
        `berechtigte Beschäftigte im Außendienst der folgenden Dienststellen, und nur vor einem ` +
          `Hausbesuch oder Termin unter Angabe des Anlasses: ${departments}. Sie sehen nur ` +
          `Stufe, Kategorien, Schutzmaßnahmen und Gültigkeit, nicht die Beschreibung der Vorfälle.`,
      ],
    },
    {
      kind: 'paragraph',
      text:
        'Jeder Zugriff wird mit Person, Zeitpunkt und Anlass protokolliert. Eine Übermittlung ' +
        'an Stellen außerhalb der Stadtverwaltung ist nicht vorgesehen.',
    },
    { kind: 'heading', text: '5. Verantwortliche Stelle, Zweck und Rechtsgrundlage' },
    {
      kind: 'paragraph',
      text:
        `Verantwortlich ist die ${city}, vertreten durch die oben genannte Stelle. Zweck ist der ` +
        `Schutz der Beschäftigten vor Gewalt und Bedrohung bei der Erfüllung ihrer Aufgaben. ` +
        `Rechtsgrundlage: ${clean(s.legalBasis)}. Eine automatisierte Entscheidung nach ` +
        `Art. 22 DSGVO findet nicht statt: Jeder Eintrag wird von zwei Beschäftigten geprüft.`,
    },
    { kind: 'heading', text: '6. Ihre Rechte' },
    { kind: 'paragraph', text: 'Sie haben das Recht,' },
    {
      kind: 'list',
      items: [
        'Auskunft über die zu Ihnen gespeicherten Daten zu erhalten (Art. 15 DSGVO),',
        'die Berichtigung unrichtiger Daten zu verlangen (Art. 16 DSGVO),',
        'die Löschung der Daten zu verlangen, wenn sie nicht mehr erforderlich sind oder ' +
          'unrechtmäßig gespeichert werden (Art. 17 DSGVO),',
        'die Einschränkung der Verarbeitung zu verlangen, etwa solange die Richtigkeit der ' +
          'Daten geprüft wird (Art. 18 DSGVO); bestreiten Sie den Eintrag, wird er bis zur ' +
          'Entscheidung bei Abfragen nicht angezeigt,',
        'aus Gründen, die sich aus Ihrer besonderen Situation ergeben, der Verarbeitung zu ' +
          'widersprechen (Art. 21 DSGVO),',
        `sich bei der Aufsichtsbehörde zu beschweren (Art. 77 DSGVO): ${authority.join(', ')}.`,
      ],
    },
    {
      kind: 'paragraph',
      text:
        `Anträge richten Sie bitte mit dem Aktenzeichen ${reference} an die oben genannte ` +
        `Stelle (${mailbox}); sie sind kostenfrei.`,
    },
    { kind: 'heading', text: '7. Kontakt zur oder zum Datenschutzbeauftragten' },
    { kind: 'lines', lines: s.dpoContact.map(clean) },
  ];

  return {
    title: `Information nach Art. 14 DSGVO – ${reference}`,
    author: city,
    letterhead: { heading: city, lines: office },
    returnLine: [city, ...s.senderAddress.map(clean)].join(' · '),
    recipient,
    details: [
      { label: 'Aktenzeichen', value: reference },
      { label: 'Datum', value: germanDate(input.date) },
      { label: 'Bearbeitet von', value: officeName },
      { label: 'E-Mail', value: mailbox },
      ...s.contact.map((value, i) => ({ label: i === 0 ? 'Kontakt' : '', value: clean(value) })),
    ],
    reference,
    subject: 'Information über die Speicherung Ihrer Daten im Register ZeMAG (Art. 14 DSGVO)',
    salutation: `Guten Tag ${name},`,
    body,
    closing: ['Mit freundlichen Grüßen', officeName],
    footer: [[city, ...office].join(' · '), s.contact.map(clean).join(' · ')],
  };
}
