import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvFile } from '../../test-support/csv.js';
import { sharedDataFile } from '../../test-support/shared-data.js';
import { parseAddress } from './address.js';
import { parsePartialDate, UNKNOWN_DATE, type PartialDate } from './date-of-birth.js';
import { compareFields } from './evidence.js';
import { rankCandidates, type Audience, type CandidatePerson, type PersonQuery } from './rank.js';
import { frequenciesFrom } from './term-frequency.js';

const date = (text: string): PartialDate => parsePartialDate(text) ?? UNKNOWN_DATE;

function person(overrides: Partial<CandidatePerson> & { familyNames: string[] }): CandidatePerson {
  return {
    id: overrides.familyNames.join('/'),
    givenNames: [],
    dateOfBirth: UNKNOWN_DATE,
    addresses: [],
    ...overrides,
  };
}

function rankOne(query: PersonQuery, candidate: CandidatePerson, audience: Audience = 'field') {
  return rankCandidates(query, [candidate], undefined, undefined, { audience })[0];
}

describe('ranking a candidate', () => {
  const meyer = person({
    familyNames: ['Meyer'],
    givenNames: ['Hans Peter'],
    dateOfBirth: date('1975-03-12'),
  });

  it('a sound-alike family name with the right date of birth is found and explained', () => {
    const hit = rankOne(
      { familyName: 'Maier', givenNames: 'Hans', dateOfBirth: date('1975-03-12') },
      meyer,
    );
    expect(hit?.band).toBe('wahrscheinlich');
    expect(hit?.explanation.de).toBe(
      'Nachname klingt gleich, häufiger Vorname stimmt (schwacher Hinweis), Geburtsdatum stimmt',
    );
    expect(hit?.explanation.en).toBe(
      'Family name sounds the same, common given name matches (weak evidence), date of birth matches',
    );
  });

  it('the same name and full date of birth is sicher', () => {
    const hit = rankOne(
      { familyName: 'MEYER', givenNames: 'Peter', dateOfBirth: date('12.03.1975') },
      meyer,
    );
    expect(hit?.band).toBe('sicher');
  });

  it('tolerates day and month swapped, and a year of birth only', () => {
    const swapped = rankOne(
      { familyName: 'Meyer', givenNames: 'Peter', dateOfBirth: date('1975-12-03') },
      meyer,
    );
    expect(swapped?.explanation.de).toBe(
      'Häufiger Nachname stimmt (schwacher Hinweis), häufiger Vorname stimmt (schwacher Hinweis), Tag und Monat im Geburtsdatum vertauscht',
    );
    const year = rankOne(
      { familyName: 'Meyer', givenNames: 'Peter', dateOfBirth: date('1975') },
      meyer,
      'registrar',
    );
    expect(year?.explanation.de).toBe(
      'Häufiger Nachname stimmt (schwacher Hinweis), häufiger Vorname stimmt (schwacher Hinweis), Geburtsjahr stimmt',
    );
    expect(year?.band).not.toBe('sicher');
  });

  it('a stranger with the same date of birth is not shown', () => {
    expect(
      rankOne({ familyName: 'Kowalski', dateOfBirth: date('1975-03-12') }, meyer),
    ).toBeUndefined();
  });

  it('the same name with a clearly different date of birth is at most möglich', () => {
    const hit = rankOne(
      { familyName: 'Meyer', givenNames: 'Hans', dateOfBirth: date('1990-07-01') },
      meyer,
    );
    expect(hit === undefined || hit.band === 'möglich').toBe(true);
  });

  it('finds a part of a double name, in either order', () => {
    const double = person({
      familyNames: ['Müller-Lüdenscheidt'],
      givenNames: ['Karl'],
      dateOfBirth: date('1960-01-01'),
    });
    const asked = { givenNames: 'Karl', dateOfBirth: date('1960-01-01') };
    expect(rankOne({ familyName: 'Müller', ...asked }, double)?.explanation.de).toContain(
      'Nachname ist Teil eines Doppelnamens',
    );
    expect(rankOne({ familyName: 'Lüdenscheidt Müller', ...asked }, double)?.score).toBeCloseTo(1);
    expect(rankOne({ familyName: 'Muellerluedenscheidt', ...asked }, double)).toBeDefined();
  });

  it('finds former names and aliases', () => {
    const married = person({ familyNames: ['Schmitz', 'Yılmaz'], givenNames: ['Ayşe'] });
    const hit = rankOne({ familyName: 'Yilmaz', givenNames: 'Ayse' }, married);
    expect(hit?.explanation.de).toBe(
      'Nachname stimmt (Alias oder früherer Name), seltener Vorname stimmt genau',
    );
  });

  it('matches any of several given names and an initial', () => {
    const p = person({ familyNames: ['Nowak'], givenNames: ['Anna Maria Katarzyna'] });
    expect(rankOne({ familyName: 'Nowak', givenNames: 'Katarzyna' }, p)?.score).toBeCloseTo(1);
    expect(rankOne({ familyName: 'Novak', givenNames: 'K.' }, p, 'registrar')).toBeDefined();
  });

  it('notices given and family name typed into the wrong fields', () => {
    const p = person({
      familyNames: ['Hassan'],
      givenNames: ['Mohamed'],
      dateOfBirth: date('1988-02-14'),
    });
    const hit = rankOne(
      { familyName: 'Muhammad', givenNames: 'Hasan', dateOfBirth: date('1988-02-14') },
      p,
    );
    expect(hit?.explanation.de).toContain('Vor- und Nachname vertauscht');
  });

  it('an address match counts; a former address is named as such', () => {
    const p = person({
      familyNames: ['Becker'],
      addresses: [
        { ...parseAddress('Kölner Str. 12a, 50667 Köln'), current: false },
        { ...parseAddress('Heideweg 3-5, 50667 Köln'), current: true },
      ],
    });
    const hit = rankOne(
      { familyName: 'Bäcker', address: parseAddress('Koelner Strasse 12 A, 50667 Koeln') },
      p,
    );
    expect(hit?.explanation.de).toBe('Nachname klingt gleich, Adresse stimmt (frühere Adresse)');
    expect(rankOne({ address: parseAddress('Heideweg 4, Köln') }, p)?.explanation.de).toBe(
      'Adresse stimmt',
    );
  });

  it('orders candidates best first; a larger register needs more evidence', () => {
    const candidates = [
      person({ familyNames: ['Schmidt'], dateOfBirth: date('1980-01-01') }),
      person({ familyNames: ['Schmitt'], dateOfBirth: date('1980-01-01') }),
      person({ familyNames: ['Schubert'], dateOfBirth: date('1980-01-01') }),
    ];
    const ranked = rankCandidates(
      { familyName: 'Schmitt', dateOfBirth: date('1980-01-01') },
      candidates,
    );
    expect(ranked.map((r) => r.candidate.familyNames[0])).toEqual(['Schmitt', 'Schmidt']);
    // The same evidence in a register of ten million persons: a common name and a date are
    // no longer enough to say "probably the same person".
    const huge = frequenciesFrom(
      10_000_000,
      new Map([
        ['family:schmitt', 15_000],
        ['family:schmidt', 60_000],
        ['family:schubert', 20_000],
      ]),
    );
    expect(
      rankCandidates(
        { familyName: 'Schmitt', dateOfBirth: date('1980-01-01') },
        candidates,
        undefined,
        undefined,
        { frequencies: huge },
      ),
    ).toEqual([]);
  });
});

/**
 * Within-group pairs whose family names the engine counts as agreeing (any level but
 * `different`: evidence for a match), and pairs across groups that it wrongly counts so. Whether
 * a candidate is then shown depends on the other fields and the register (tests above).
 */
function groupRates(groups: Map<string, string[]>, dateOfBirth?: PartialDate) {
  const list = [...groups.values()].filter((g) => g.length >= 2);
  const shown = (a: string, b: string) =>
    compareFields(
      { familyName: a, ...(dateOfBirth ? { dateOfBirth } : {}) },
      person({ familyNames: [b] }),
    ).family?.level !== 'different';
  let pairs = 0;
  let found = 0;
  const missed: string[] = [];
  for (const group of list) {
    for (const a of group) {
      for (const b of group) {
        if (a === b) continue;
        pairs++;
        if (shown(a, b)) found++;
        else missed.push(`${a}→${b}`);
      }
    }
  }
  let others = 0;
  let falseHits = 0;
  const falseExamples: string[] = [];
  // Groups are sorted by sound, so neighbours are near-misses; distant offsets give strangers.
  for (let i = 0; i < list.length; i++) {
    for (const k of [17, 53, 101]) {
      const a = list[i]?.[0] as string;
      const b = list[(i + k) % list.length]?.[1] as string;
      others++;
      if (shown(a, b)) {
        falseHits++;
        falseExamples.push(`${a}→${b}`);
      }
    }
  }
  return {
    groups: list.length,
    pairs,
    recall: found / pairs,
    crossPairs: others,
    falseRate: falseHits / others,
    missedExamples: missed.slice(0, 12),
    falseExamples: falseExamples.slice(0, 12),
  };
}

describe('variant groups (measured)', () => {
  it('spellings of one surname find each other (Dolby 1970 groups)', () => {
    const groups = new Map<string, string[]>();
    for (const row of readCsvFile(
      path.join(import.meta.dirname, 'testdata', 'surname_variant_groups_dev.csv'),
    )) {
      const id = row.group_id ?? '';
      groups.set(id, [...(groups.get(id) ?? []), row.name ?? '']);
    }
    const rates = groupRates(groups);
    const withDate = groupRates(groups, date('1970-05-05'));
    console.info('surname variant groups, name only:', JSON.stringify(rates));
    console.info('surname variant groups, name + date of birth:', JSON.stringify(withDate));
    expect(rates.recall).toBeGreaterThan(0.9);
    expect(rates.falseRate).toBeLessThan(0.03);
  });

  it('Latin spellings of one Arabic or Cyrillic name find each other (Wikidata)', () => {
    const groups = new Map<string, string[]>();
    const rows = parseCsv(sharedDataFile('names/translit_variants_dev.csv'));
    for (const row of rows) {
      // Variants seen at least 5 times; rarer ones are mostly mining noise ("morocco").
      if (Number(row.count) < 5) continue;
      const id = `${row.script}:${row.native}`;
      groups.set(id, [...(groups.get(id) ?? []), row.latin ?? '']);
    }
    const rates = groupRates(groups);
    console.info('transliteration variant groups, name only:', JSON.stringify(rates));
    expect(rates.recall).toBeGreaterThan(0.7);
    expect(rates.falseRate).toBeLessThan(0.03);
  });

  it.each([
    ['Maier', 'Meyer'],
    ['Mohamed', 'Muhammad'],
    ['Mohammed', 'Mehmet'],
    ['Yilmaz', 'Yılmaz'],
    ['Sergei', 'Sergej'],
    ['Nowak', 'Novak'],
    ['Schmid', 'Schmitt'],
  ])('%s finds %s (with the same given name and date of birth)', (a, b) => {
    const other = { givenNames: 'Anna', dateOfBirth: date('1979-04-23') };
    const stored = (name: string) =>
      person({ familyNames: [name], givenNames: ['Anna'], dateOfBirth: date('1979-04-23') });
    expect(rankOne({ familyName: a, ...other }, stored(b))).toBeDefined();
    expect(rankOne({ familyName: b, ...other }, stored(a))).toBeDefined();
  });
});
