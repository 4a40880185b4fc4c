import type { RecordsOfProcessing, RecordsSetting } from '@zemag/contracts';
import { ROLE_NAMES } from './records.texts.js';

/**
 * The record of processing activities as Markdown (the city's German document). Pure: the same
 * object gives the same text. Every value that came from configuration or the database (city,
 * department names, reasons, the legal basis) is escaped, so that a `|`, `*`, `#`, a line break
 * or HTML in it stays text and never breaks a table, a list or the headings.
 */

// Line breaks of every kind, and control characters and bidi overrides that would make a line
// read differently from what it says.
// eslint-disable-next-line no-control-regex
const BREAKS = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
// What means something inside a line in CommonMark or GitHub's tables (emphasis, code, links,
// HTML, entities, strike-through, cells, headings).
const SPECIAL = /[\\`*_[\]<>|~#&]/g;
// What means something only at the start of a line: a list, a thematic break, a setext line.
const LEADING = /^([-+=]|\d+(?=[.)]))/;

/** Text as one Markdown line: special characters escaped, breaks become spaces. */
export function mdText(value: string): string {
  const line = value
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return (
    line
      .replace(SPECIAL, (c) => `\\${c}`)
      // no automatic links (GitHub makes one of www. and of any scheme://)
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
      .replace(LEADING, (lead) => (/^\d/.test(lead) ? `${lead}\\` : `\\${lead}`))
  );
}

/** A table row; every cell escaped (mdText escapes `|`). */
function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

const list = (items: readonly string[]) => items.map((text) => `- ${mdText(text)}`);

function settingsTable(items: readonly RecordsSetting[], withStart: boolean): string[] {
  const head = withStart
    ? ['Gegenstand', 'Frist', 'Beginn', 'Einstellung']
    : ['Maßnahme', 'Wert', 'Einstellung'];
  return table(
    head,
    items.map((s) => {
      const setting = s.setting
        ? `${mdText(s.setting)}${s.isDefault === true ? ' (Standard)' : s.isDefault === false ? ' (angepasst)' : ''}`
        : 'im Programm festgelegt';
      return withStart
        ? [mdText(s.label), mdText(s.value), mdText(s.startsFrom ?? ''), setting]
        : [mdText(s.label), mdText(s.value), setting];
    }),
  );
}

/** The whole record as Markdown, sections in the order of Art. 30 (1) GDPR. */
export function recordsMarkdown(record: RecordsOfProcessing): string {
  const { controller, recipients } = record;
  const lines: string[] = [
    `# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)`,
    '',
    `**${mdText(record.processing.name)}**`,
    '',
    `Erzeugt am ${mdText(record.date)} aus der laufenden Konfiguration von ZeMAG (${mdText(record.generatedAt)}). Ausgangspunkt für das Verzeichnis der Stadt und ihre Datenschutz-Folgenabschätzung; es ersetzt deren Prüfung nicht.`,
    '',
    '## 1. Verantwortliche Stelle',
    '',
    mdText(controller.name),
    '',
    ...list([controller.office, ...controller.address, ...controller.contact]),
    '',
    '### Datenschutzbeauftragte',
    '',
    ...list(controller.dpoContact),
    '',
    '### Aufsichtsbehörde',
    '',
    ...list(controller.supervisoryAuthority),
    '',
    '## 2. Zwecke der Verarbeitung',
    '',
    ...list(record.processing.purposes),
    '',
    '## 3. Rechtsgrundlage',
    '',
  ];
  if (record.legalBasis.isDefault) {
    lines.push(
      `> **Standardtext – von der oder dem Datenschutzbeauftragten der Stadt zu prüfen** (Einstellung ${mdText(record.legalBasis.setting)}).`,
      '',
    );
  }
  for (const paragraph of record.legalBasis.paragraphs) lines.push(mdText(paragraph), '');
  lines.push('## 4. Kategorien betroffener Personen', '');
  for (const c of record.personCategories)
    lines.push(`- **${mdText(c.title)}:** ${mdText(c.text)}`);
  lines.push('', '## 5. Kategorien personenbezogener Daten', '');
  for (const group of record.dataCategories) {
    lines.push(`### ${mdText(group.title)}`, '', ...list(group.items), '');
  }
  lines.push(
    '## 6. Empfänger',
    '',
    '### Zur Abfrage berechtigte Dienststellen',
    '',
    ...(recipients.departments.length === 0
      ? ['Keine Dienststelle ist zur Abfrage berechtigt.']
      : table(
          ['Kürzel', 'Dienststelle', 'Begründung', 'Außendienst mit Rolle'],
          recipients.departments.map((d) => [
            mdText(d.code),
            mdText(d.name),
            mdText(d.reason ?? '—'),
            String(d.fieldUsers),
          ]),
        )),
    '',
    '### Zugriff nach Rolle',
    '',
    ...table(
      ['Rolle', 'erhält', 'Personen mit Rolle'],
      recipients.roles.map((r) => [
        `${mdText(ROLE_NAMES[r.role])} (${mdText(r.role)})`,
        mdText(r.access),
        String(r.holders),
      ]),
    ),
    '',
    '## 7. Übermittlung an Drittländer',
    '',
    mdText(recipients.transfers),
    '',
    '## 8. Löschfristen',
    '',
    ...settingsTable(record.retention, true),
    '',
    '## 9. Technische und organisatorische Maßnahmen (Art. 32 DSGVO)',
    '',
    ...settingsTable(record.measures, false),
    '',
    '## 10. Offene Punkte für Verzeichnis und Datenschutz-Folgenabschätzung',
    '',
    ...(record.notes.length === 0
      ? ['Die Konfiguration lässt keine der geprüften Punkte offen.']
      : list(record.notes.map((n) => n.text))),
    '',
  );
  return lines.join('\n');
}
