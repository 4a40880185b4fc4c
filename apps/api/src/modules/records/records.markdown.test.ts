import { RecordsOfProcessing } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildRecords, type RecordsFacts } from './records.content.js';
import { mdText, recordsMarkdown } from './records.markdown.js';

const NOW = new Date('2026-12-05T23:30:00Z');
const FACTS: RecordsFacts = {
  engine: 'pglite',
  departments: [
    { code: '32', name: 'Ordnungsamt', reason: 'Hausbesuche im Vollzugsdienst', fieldUsers: 3 },
  ],
  roleHolders: { registrar: 2, dpo: 1, field: 3 },
};

const record = (env: Record<string, string> = {}, facts: RecordsFacts = FACTS) =>
  buildRecords({ config: loadConfig({ NODE_ENV: 'test', ...env }), facts, now: NOW });

/** The rows of the Markdown table under `heading` (up to the next heading). */
function tableUnder(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  return (end === -1 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith('|'));
}

/** Cells of a table row, split at the pipes that are not escaped. */
const cells = (line: string) => line.slice(1, -1).split(/(?<!\\)\|/);

describe('the record of processing as Markdown', () => {
  it('has every section of Art. 30 (1) GDPR, in order', () => {
    const markdown = recordsMarkdown(record());
    const headings = markdown.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual([
      '# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)',
      '## 1. Verantwortliche Stelle',
      '## 2. Zwecke der Verarbeitung',
      '## 3. Rechtsgrundlage',
      '## 4. Kategorien betroffener Personen',
      '## 5. Kategorien personenbezogener Daten',
      '## 6. Empfänger',
      '## 7. Übermittlung an Drittländer',
      '## 8. Löschfristen',
      '## 9. Technische und organisatorische Maßnahmen (Art. 32 DSGVO)',
      '## 10. Offene Punkte für Verzeichnis und Datenschutz-Folgenabschätzung',
    ]);
    expect(markdown).toContain('Stadt Musterstadt');
    expect(markdown).toContain('Erzeugt am 2026-12-06'); // the city's date, not UTC's
  });

  it('states the retention periods as configured, marked as default or changed', () => {
    const rows = tableUnder(
      recordsMarkdown(
        record({ ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS: '36', ZEMAG_LISTING_VALIDITY_MONTHS: '18' }),
      ),
      '## 8. Löschfristen',
    );
    const byLabel = (start: string) => cells(rows.find((r) => r.includes(start))!);
    expect(byLabel('Protokoll (wer hat')).toEqual([
      ' Protokoll (wer hat was gelesen oder geändert) ',
      ' 36 Monate ',
      ' ab dem Ereignis ',
      ' ZEMAG\\_RETENTION\\_AUDIT\\_EVENTS\\_MONTHS (angepasst) ',
    ]);
    expect(byLabel('Gültigkeit eines Eintrags')[1]).toBe(' 18 Monate ');
    expect(byLabel('Abgelehnte und nie')[1]).toBe(' 6 Monate ');
    expect(byLabel('Abgelehnte und nie')[3]).toContain('(Standard)');
  });

  it('states the measures with their actual values, and no signing key where none is set', () => {
    const plain = recordsMarkdown(record({ ZEMAG_MFA_REQUIRED_ROLES: 'registrar,dpo' }));
    const measures = tableUnder(plain, '## 9. Technische');
    const value = (label: string) => cells(measures.find((r) => r.includes(label))!)[1]!.trim();
    expect(value('Zweiter Faktor')).toBe('Registerstelle, Datenschutzbeauftragte Person');
    expect(value('Signierte Kontrollpunkte')).toBe('aus: kein Signaturschlüssel konfiguriert');
    expect(value('Sitzungsende ohne Aktivität')).toBe('30 Minuten');
    expect(value('Transportverschlüsselung')).toMatch(/^kein HTTPS/);
    expect(plain).toContain(
      'Kein zweiter Faktor verpflichtend für: Außendienst, Leitstelle, Administration.',
    );
    const https = recordsMarkdown(
      record({ ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example', ZEMAG_SESSION_IDLE_MINUTES: '15' }),
    );
    const secure = tableUnder(https, '## 9. Technische');
    expect(secure.find((r) => r.includes('Transportverschlüsselung'))).toContain(
      'HTTPS (https\\://zemag.stadt.example); Cookie \\_\\_Host-, Secure',
    );
    expect(secure.find((r) => r.includes('Sitzungsende ohne'))).toContain('15 Minuten');
  });

  it('marks the default legal basis as still to be checked, and states a configured one as it is', () => {
    const shipped = recordsMarkdown(record());
    expect(shipped).toContain(
      '> **Standardtext – von der oder dem Datenschutzbeauftragten der Stadt zu prüfen**',
    );
    expect(shipped).toContain('§ 618 BGB, § 3 ArbSchG');
    const own = recordsMarkdown(
      record({ ZEMAG_RECORDS_LEGAL_BASIS: '§ 1 DSG Musterland|Art. 6 Abs. 1 Buchst. e DSGVO' }),
    );
    expect(own).not.toContain('Standardtext');
    expect(own).toContain('\n§ 1 DSG Musterland\n\nArt. 6 Abs. 1 Buchst. e DSGVO\n');
  });

  it('keeps hostile department names and reasons inside their table cell', () => {
    const hostile = [
      'Amt | für * Sonder_fälle',
      'Zeile\neins\r\nzwei\u2028drei',
      '# Überschrift',
      '- Liste',
      '1. Punkt',
      '<img src=x onerror=alert(1)>',
      '[Link](javascript:alert(1))',
      '`code` ~~weg~~ &amp; \\| \u202eabc',
      'https://evil.example www.evil.example',
    ];
    const facts: RecordsFacts = {
      engine: 'postgres',
      departments: hostile.map((name, i) => ({
        code: `X${i}`,
        name,
        reason: `${name}\n| 9 | 9 |`,
        fieldUsers: i,
      })),
      roleHolders: {},
    };
    const markdown = recordsMarkdown(record({}, facts));
    const rows = tableUnder(markdown, '### Zur Abfrage berechtigte Dienststellen');
    expect(rows).toHaveLength(2 + hostile.length);
    for (const [i, line] of rows.slice(2).entries()) {
      expect(cells(line), line).toHaveLength(4);
      expect(cells(line)[3]!.trim()).toBe(String(i));
    }
    // HTML and links only as escaped text
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(markdown).not.toContain('\u202e');
    expect(markdown).not.toMatch(/https:\/\/evil|www\.evil/);
    expect(markdown.split('\n').filter((l) => l.startsWith('#')).length).toBe(
      recordsMarkdown(record())
        .split('\n')
        .filter((l) => l.startsWith('#')).length,
    );
  });

  it('escapes what would start a list, a heading or a table, and leaves ordinary text readable', () => {
    expect(mdText('- a')).toBe('\\- a');
    expect(mdText('12. Mai')).toBe('12\\. Mai');
    expect(mdText('# x')).toBe('\\# x');
    expect(mdText('a|b')).toBe('a\\|b');
    expect(mdText('Art. 6 Abs. 1 (e) DSGVO – Köln: 5 % „gut“')).toBe(
      'Art. 6 Abs. 1 (e) DSGVO – Köln: 5 % „gut“',
    );
    expect(mdText('  viele   Leer\tzeichen  ')).toBe('viele Leer zeichen');
  });

  it('lists the authorised departments with their field staff, and says so when there are none', () => {
    const markdown = recordsMarkdown(record());
    expect(tableUnder(markdown, '### Zur Abfrage berechtigte Dienststellen')[2]).toBe(
      '| 32 | Ordnungsamt | Hausbesuche im Vollzugsdienst | 3 |',
    );
    expect(tableUnder(markdown, '### Zugriff nach Rolle')).toContain(
      '| Registerstelle (registrar) | Prüfung der Meldungen, Personen und Einträge, Benachrichtigungen und Anträge Betroffener | 2 |',
    );
    const none = recordsMarkdown(
      record({}, { engine: 'pglite', departments: [], roleHolders: {} }),
    );
    expect(none).toContain('Keine Dienststelle ist zur Abfrage berechtigt.');
  });

  it('builds a record the contract accepts, with the incident categories and levels', () => {
    const built = record();
    expect(RecordsOfProcessing.parse(built)).toEqual(built);
    const incidents = built.dataCategories.find((c) => c.title.startsWith('Meldungen'))!;
    expect(incidents.items.join('\n')).toContain('Bedrohung, Nötigung, Sachbeschädigung');
    expect(incidents.items.filter((i) => i.startsWith('Stufe '))).toHaveLength(4);
  });
});
