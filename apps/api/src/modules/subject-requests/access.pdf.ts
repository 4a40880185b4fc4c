import type { IncidentCategory } from '@zemag/contracts';
import { germanDate } from '../letters/german-date.js';
import {
  categoryWords,
  clean,
  type LetterBlock,
  type LetterDocument,
} from '../letters/letter.content.js';
import { fontsFor } from '../letters/letter.fonts.js';
import { renderLetterPdf } from '../letters/letter.pdf.js';
import { unprintableIn, type UnprintableField } from '../letters/letter.printable.js';
import type { LetterheadSettings } from '../letters/letter.settings.js';
import type { AccessExport } from './access.export.js';

const STATUS_DE: Record<string, string> = {
  proposed: 'vorgeschlagen',
  active: 'aktiv',
  expired: 'abgelaufen',
  ended: 'beendet',
  declined: 'abgelehnt',
};
const LETTER_DE: Record<string, string> = {
  pending: 'noch nicht versandt',
  sent: 'versandt',
  held_back: 'zurückgestellt',
};
const KIND_DE: Record<string, string> = {
  access: 'Auskunft (Art. 15)',
  rectification: 'Berichtigung (Art. 16)',
  erasure: 'Löschung (Art. 17)',
  restriction: 'Einschränkung (Art. 18)',
  objection: 'Widerspruch (Art. 21)',
};

const day = (d: Date | string | null | undefined, timeZoneDate: (d: Date) => string) =>
  d === null || d === undefined
    ? '–'
    : germanDate(typeof d === 'string' ? d.slice(0, 10) : timeZoneDate(d));

/**
 * The access answer as a letter: every section of the JSON export in words, signed by the
 * office. `fields` lists every personal text printed, by path, for the printability check.
 */
export function accessLetter({
  data,
  settings,
  office,
  localDateOf,
}: {
  data: AccessExport;
  settings: LetterheadSettings;
  office: string;
  localDateOf(instant: Date): string;
}): { document: LetterDocument; fields: [string, string][] } {
  const fields: [string, string][] = [];
  const f = (path: string, text: string | null | undefined) => {
    const value = clean(text ?? '');
    if (value !== '') fields.push([path, value]);
    return value;
  };
  const on = (d: Date | string | null | undefined) => day(d, localDateOf);
  const p = data.person as {
    familyName: string;
    givenNames: string | null;
    dateOfBirth: string | null;
  };
  const name =
    `${f('person.givenNames', p.givenNames)} ${f('person.familyName', p.familyName)}`.trim();
  const current = data.addresses.find((a) => a.validTo === null) ?? null;
  const city = `Stadt ${clean(settings.cityName)}`;
  const body: LetterBlock[] = [
    {
      kind: 'paragraph',
      text:
        `auf Ihren Antrag (Aktenzeichen ${data.reference}) teilen wir Ihnen nach Art. 15 DSGVO ` +
        `mit, welche Daten zu Ihrer Person im Register ZeMAG gespeichert sind.`,
    },
    { kind: 'heading', text: '1. Angaben zur Person' },
    {
      kind: 'list',
      items: [
        `Name: ${name}`,
        `Geburtsdatum: ${f('person.dateOfBirth', p.dateOfBirth) || 'nicht gespeichert'}`,
        ...data.aliases.map(
          (a, i) =>
            `Weiterer Name: ${f(`aliases.${i}.givenNames`, a.givenNames)} ${f(`aliases.${i}.familyName`, a.familyName)}`,
        ),
        ...data.addresses.map(
          (a, i) =>
            `Anschrift: ${f(`addresses.${i}.street`, a.street)} ${f(`addresses.${i}.houseNumber`, a.houseNumber)}, ` +
            `${f(`addresses.${i}.postalCode`, a.postalCode)} ${f(`addresses.${i}.city`, a.city)}` +
            ` (gültig ${a.validFrom ? `ab ${on(a.validFrom)}` : ''}${a.validTo ? ` bis ${on(a.validTo)}` : ''})`,
        ),
      ],
    },
    { kind: 'heading', text: '2. Vorfälle' },
    data.incidents.length === 0
      ? { kind: 'paragraph', text: 'Keine.' }
      : {
          kind: 'list',
          items: data.incidents.map((i, n) => {
            const row = i as unknown as {
              reference: string;
              occurredAt: Date;
              categories: IncidentCategory[];
              level: number | null;
              description: string;
              injuries: string;
              placeDescription: string | null;
              status: string;
            };
            return (
              `${row.reference} vom ${on(row.occurredAt)}: ${categoryWords(row.categories)}, ` +
              `Stufe ${row.level ?? 'noch offen'}. Ort: ${f(`incidents.${n}.placeDescription`, row.placeDescription) || '–'}. ` +
              `Beschreibung: ${f(`incidents.${n}.description`, row.description)}. ` +
              `Verletzungen: ${f(`incidents.${n}.injuries`, row.injuries) || '–'}.`
            );
          }),
        },
    { kind: 'heading', text: '3. Einträge (Gefährdungshinweise) und ihre Geschichte' },
    data.listings.length === 0
      ? { kind: 'paragraph', text: 'Keine.' }
      : {
          kind: 'list',
          items: data.listings.map((l) => {
            const row = l as unknown as {
              status: string;
              level: number;
              validUntil: string;
              categories: IncidentCategory[];
            };
            const steps = l.history.map((h) => `${on(h.at)} ${h.action}`).join('; ');
            return (
              `Stufe ${row.level}, ${categoryWords(row.categories)}, ${STATUS_DE[row.status] ?? row.status}, ` +
              `gültig bis ${on(row.validUntil)}. Bearbeitet von: Registerstelle. Verlauf: ${steps}.`
            );
          }),
        },
    { kind: 'heading', text: '4. Briefe an Sie' },
    data.letters.length === 0
      ? { kind: 'paragraph', text: 'Keine.' }
      : {
          kind: 'list',
          items: data.letters.map(
            (l) =>
              `Benachrichtigung nach Art. 14 DSGVO: ${LETTER_DE[l.state] ?? l.state}` +
              (l.sentOn ? ` am ${on(l.sentOn)}` : '') +
              (l.reviewOn ? `, erneute Prüfung am ${on(l.reviewOn)}` : ''),
          ),
        },
    { kind: 'heading', text: '5. Berichtigungen' },
    data.corrections.length === 0
      ? { kind: 'paragraph', text: 'Keine.' }
      : {
          kind: 'list',
          items: data.corrections.map(
            (c, n) => `${on(c.at)}: ${f(`corrections.${n}.reason`, c.reason)} (Registerstelle)`,
          ),
        },
    { kind: 'heading', text: '6. Ihre Anträge' },
    {
      kind: 'list',
      items: data.subjectRequests.map((r) => {
        const row = r as unknown as {
          reference: string;
          kind: string;
          receivedOn: string;
          status: string;
        };
        return `${row.reference}: ${KIND_DE[row.kind] ?? row.kind}, eingegangen am ${on(row.receivedOn)}, ${row.status === 'open' ? 'offen' : 'beantwortet'}`;
      }),
    },
    { kind: 'heading', text: '7. Wer Ihre Daten abgefragt hat (Empfänger)' },
    data.disclosures.length === 0
      ? { kind: 'paragraph', text: 'Niemand außerhalb der Registerstelle.' }
      : {
          kind: 'list',
          items: data.disclosures.map(
            (d, n) =>
              `${on(d.occurredAt)}: ${f(`disclosures.${n}.department`, d.department) || 'Dienststelle nicht mehr bekannt'}`,
          ),
        },
    { kind: 'heading', text: '8. Was wir nicht mitteilen, und warum' },
    {
      kind: 'list',
      items: data.withheld.map((w) => `${w.what.de} (${w.count}): ${w.reason.de}`),
    },
  ];
  const office_ = clean(office);
  const address = current
    ? [
        clean(`${current.street} ${current.houseNumber ?? ''}`),
        clean(`${current.postalCode ?? ''} ${current.city ?? ''}`),
      ]
    : ['(Anschrift nicht bekannt)'];
  const senderLines = [settings.senderOffice, ...settings.senderAddress].map(clean);
  return {
    fields,
    document: {
      title: `Auskunft nach Art. 15 DSGVO – ${data.reference}`,
      author: city,
      letterhead: { heading: city, lines: senderLines },
      returnLine: [city, ...settings.senderAddress.map(clean)].join(' · '),
      recipient: [name, ...address],
      details: [
        { label: 'Aktenzeichen', value: data.reference },
        { label: 'Datum', value: germanDate(data.generatedOn) },
        { label: 'Bearbeitet von', value: office_ },
        ...settings.contact.map((value, i) => ({
          label: i === 0 ? 'Kontakt' : '',
          value: clean(value),
        })),
      ],
      reference: data.reference,
      subject: 'Auskunft über Ihre Daten im Register ZeMAG (Art. 15 DSGVO)',
      salutation: `Guten Tag ${name},`,
      body,
      closing: ['Mit freundlichen Grüßen', 'Im Auftrag', office_],
      footer: [[city, ...senderLines].join(' · '), settings.contact.map(clean).join(' · ')],
    },
  };
}

/** The fields that would not print in full (empty when every personal text prints). */
export async function unprintableAccessFields(
  fields: [string, string][],
): Promise<UnprintableField[]> {
  const fonts = await fontsFor(fields.map(([, t]) => t));
  const found: UnprintableField[] = [];
  for (const [field, text] of fields) {
    const missing = unprintableIn(fonts, text);
    if (missing.length > 0) found.push({ field, characters: [...new Set(missing)] });
  }
  return found;
}

export { renderLetterPdf };
