import { describe, expect, it } from 'vitest';
import { buildLetterInput } from './letter.fixtures.js';
import { categoryWords, notificationLetter, type LetterDocument } from './letter.content.js';

/** All text of the letter in reading order, one string. */
function allText(doc: LetterDocument): string {
  const blocks = doc.body.map((b) =>
    b.kind === 'list' ? b.items.join('\n') : b.kind === 'lines' ? b.lines.join('\n') : b.text,
  );
  return [
    ...doc.recipient,
    ...doc.details.map((d) => `${d.label} ${d.value}`),
    doc.subject,
    doc.salutation,
    ...blocks,
    ...doc.closing,
  ].join('\n');
}

describe('categoryWords', () => {
  it.each([
    [['threat'], 'Bedrohung'],
    [['coercion'], 'Nötigung'],
    [['property_damage'], 'Sachbeschädigung'],
    [['physical_violence'], 'körperliche Gewalt'],
    [['weapon_or_tool'], 'Einsatz von Werkzeugen oder Waffen'],
    [['insult'], 'Beleidigung'],
    [['weapon_or_tool', 'threat', 'threat'], 'Bedrohung, Einsatz von Werkzeugen oder Waffen'],
  ] as const)('%j → %s', (codes, words) => {
    expect(categoryWords(codes)).toBe(words);
  });
});

describe('notificationLetter', () => {
  it('greets the person by full name without guessing a gender', () => {
    const doc = notificationLetter(buildLetterInput());
    expect(doc.salutation).toBe('Guten Tag Łukasz Yılmaz-Öztürk,');
    expect(doc.recipient).toEqual([
      'Łukasz Yılmaz-Öztürk',
      'Kastanienallee 12a',
      '12345 Musterstadt',
    ]);
  });

  it('names the grounds: each confirmed incident by date and category, oldest first, and the level', () => {
    const text = allText(notificationLetter(buildLetterInput()));
    expect(text).toContain('20. November 2026: Bedrohung\n7. März 2027: Bedrohung, Nötigung');
    expect(text).toContain('Stufe 2 des Aachener Modells');
    expect(text).toContain('Kategorien des Eintrags: Bedrohung, Nötigung');
  });

  it('says how long the listing lasts and since when, in German dates', () => {
    const text = allText(notificationLetter(buildLetterInput()));
    expect(text).toContain('Der Eintrag gilt bis zum 7. März 2029');
    expect(text).toContain('seit dem 9. März 2027');
  });

  it('is signed by the office with its function mailbox, never by a person', () => {
    const input = buildLetterInput();
    const settings = {
      ...input.settings,
      officeName: 'ZeMAG-Stelle Köln',
      officeMailbox: 'zemag@stadt-koeln.example',
    };
    const doc = notificationLetter({ ...input, settings });
    expect(doc.details).toEqual(
      expect.arrayContaining([
        { label: 'Aktenzeichen', value: 'ZeMAG-2027-0042' },
        { label: 'Datum', value: '9. März 2027' },
        { label: 'Bearbeitet von', value: 'ZeMAG-Stelle Köln' },
        { label: 'E-Mail', value: 'zemag@stadt-koeln.example' },
      ]),
    );
    expect(doc.closing).toEqual(['Mit freundlichen Grüßen', 'ZeMAG-Stelle Köln']);
    expect(allText(doc)).not.toContain('Im Auftrag');
  });

  it('promises only what the register does: end date, review, two registrars to extend, restriction', () => {
    const text = allText(notificationLetter(buildLetterInput()));
    expect(text).toContain('Danach endet er von selbst');
    expect(text).toContain('Vor dem Ende prüft die ZeMAG-Stelle');
    expect(text).toContain('nur wenn zwei Beschäftigte der ZeMAG-Stelle das entscheiden');
    expect(text).toContain('bis zur Entscheidung bei Abfragen nicht angezeigt');
    expect(text).toContain('nach Ablauf der festgelegten Aufbewahrungsfrist gelöscht');
  });

  it('lists what is stored, including the precautions', () => {
    const text = allText(notificationLetter(buildLetterInput()));
    expect(text).toContain('Geburtsdatum');
    expect(text).toContain('Anschriften');
    expect(text).toContain(
      'Schutzmaßnahmen für Beschäftigte: nur zu zweit; Alarm vor Betreten aktivieren; Hund bekannt',
    );
    const none = allText(notificationLetter(buildLetterInput({ listing: { precautions: [] } })));
    expect(none).toContain('Schutzmaßnahmen für Beschäftigte: keine besonderen');
  });

  it('names who can see the entry: the register office and field staff of the configured departments', () => {
    const text = allText(notificationLetter(buildLetterInput()));
    expect(text).toContain('ZeMAG-Stelle');
    expect(text).toContain(
      'Ordnungsamt, Sozialamt, Jugendamt, Rettungsdienst, Kämmerei (Vollstreckung)',
    );
    expect(text).toContain('nur vor einem Hausbesuch oder Termin');
  });

  it('states the legal basis, every right with its article, the authority and the DPO from configuration', () => {
    const input = buildLetterInput();
    const settings = {
      ...input.settings,
      legalBasis: '§ 99 Musterlandesgesetz',
      supervisoryAuthority: ['LDI Musterland', 'Kavalleriestraße 2-4'],
      dpoContact: ['Datenschutz Musterstadt', 'dsb@musterstadt.example'],
    };
    const text = allText(notificationLetter({ ...input, settings }));
    expect(text).toContain('Rechtsgrundlage: § 99 Musterlandesgesetz.');
    for (const article of ['Art. 15', 'Art. 16', 'Art. 17', 'Art. 18', 'Art. 21', 'Art. 77']) {
      expect(text).toContain(`(${article} DSGVO)`);
    }
    expect(text).toContain('(Art. 77 DSGVO): LDI Musterland, Kavalleriestraße 2-4.');
    expect(text).toContain('Datenschutz Musterstadt\ndsb@musterstadt.example');
  });

  it('says so when the address is unknown instead of leaving the window empty', () => {
    const doc = notificationLetter(buildLetterInput({ person: { address: null } }));
    expect(doc.recipient).toEqual(['Łukasz Yılmaz-Öztürk', '(Anschrift nicht bekannt)']);
  });

  it('keeps markup in names as typed but removes line breaks and direction overrides', () => {
    const doc = notificationLetter(
      buildLetterInput({
        person: { givenNames: '<b>Max</b>\n\u202eMoritz', familyName: 'O’Brien & <script>' },
      }),
    );
    expect(doc.salutation).toBe('Guten Tag <b>Max</b> Moritz O’Brien & <script>,');
  });

  it('refuses a level that cannot be listed and a listing without incidents', () => {
    expect(() =>
      notificationLetter(buildLetterInput({ listing: { level: 1 as unknown as 2 } })),
    ).toThrow(RangeError);
    expect(() => notificationLetter(buildLetterInput({ listing: { incidents: [] } }))).toThrow(
      RangeError,
    );
    expect(() =>
      notificationLetter(buildLetterInput({ listing: { validUntil: '07.03.2029' } })),
    ).toThrow(RangeError);
  });
});
