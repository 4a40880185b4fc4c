import type { DateAgreement, PartialDate } from './date-of-birth.js';
import type { NameAgreement } from './name-match.js';

/**
 * The reasons behind a ranking, as data and as short plain sentences in German and English
 * ("seltener Nachname stimmt genau, Geburtsdatum stimmt"): which evidence counted, and how
 * strongly a name counted when it is rare or common.
 */

/** One reason, as data (the web app may render it itself). */
export type Reason =
  | {
      field: 'family' | 'given';
      kind: NameAgreement;
      alias: boolean;
      /** How common an exactly matching name is (term frequency): rare is strong evidence. */
      commonness?: 'rare' | 'common' | undefined;
    }
  | { field: 'names'; kind: 'swapped' }
  | {
      field: 'date';
      kind: DateAgreement | 'two_parts';
      precision: PartialDate['precision'];
    }
  | { field: 'address'; kind: 'full' | 'street' | 'different'; current: boolean };

/** The reasons as one line in each language. */
export interface Explanation {
  de: string;
  en: string;
}

type Text = readonly [de: string, en: string];

const NAME_TEXT: Record<NameAgreement, (noun: Text) => Text> = {
  exact: ([de, en]) => [`${de} stimmt`, `${en} matches`],
  spelling: ([de, en]) => [`${de} stimmt (andere Schreibweise)`, `${en} matches (other spelling)`],
  phonetic: ([de, en]) => [`${de} klingt gleich`, `${en} sounds the same`],
  similar: ([de, en]) => [`${de} ähnlich geschrieben`, `${en} spelled similarly`],
  part: ([de, en]) => [`${de} ist Teil eines Doppelnamens`, `${en} is part of a double name`],
  initial: ([de, en]) => [`${de} passt zur Initiale`, `${en} fits the initial`],
  different: ([de, en]) => [`${de} weicht ab`, `${en} differs`],
};

const DATE_TEXT: Record<DateAgreement | 'two_parts', Text> = {
  two_parts: [
    'Geburtsdatum stimmt in zwei von Tag, Monat und Jahr',
    'date of birth agrees in two of day, month and year',
  ],
  exact: ['Geburtsdatum stimmt', 'date of birth matches'],
  compatible: ['Geburtsdatum passt, soweit bekannt', 'date of birth fits as far as known'],
  swapped: ['Tag und Monat im Geburtsdatum vertauscht', 'day and month of birth swapped'],
  one_digit: ['Geburtsdatum weicht in einer Ziffer ab', 'date of birth differs in one digit'],
  transposed_digits: [
    'zwei Ziffern im Geburtsdatum vertauscht',
    'two digits of the date of birth swapped',
  ],
  year_off_by_one: ['Geburtsjahr um eins verschieden', 'year of birth one apart'],
  unknown: ['Geburtsdatum im Register unbekannt', 'date of birth not on record'],
  different: ['Geburtsdatum weicht ab', 'date of birth differs'],
};

function sentence(reason: Reason): Text {
  switch (reason.field) {
    case 'family':
    case 'given': {
      const noun: Text =
        reason.field === 'family' ? ['Nachname', 'family name'] : ['Vorname', 'given name'];
      const exact = reason.kind === 'exact' || reason.kind === 'spelling';
      const [de, en] =
        exact && reason.commonness === 'rare'
          ? [`seltener ${noun[0]} stimmt genau`, `rare ${noun[1]} matches exactly`]
          : exact && reason.commonness === 'common'
            ? [
                `häufiger ${noun[0]} stimmt (schwacher Hinweis)`,
                `common ${noun[1]} matches (weak evidence)`,
              ]
            : NAME_TEXT[reason.kind](noun);
      return reason.alias && reason.kind !== 'different'
        ? [`${de} (Alias oder früherer Name)`, `${en} (alias or former name)`]
        : [de, en];
    }
    case 'names':
      return ['Vor- und Nachname vertauscht', 'given and family name swapped'];
    case 'date':
      if (reason.kind === 'compatible' && reason.precision === 'year') {
        return ['Geburtsjahr stimmt', 'year of birth matches'];
      }
      return DATE_TEXT[reason.kind];
    case 'address': {
      const former: Text = reason.current ? ['', ''] : [' (frühere Adresse)', ' (former address)'];
      if (reason.kind === 'full')
        return [`Adresse stimmt${former[0]}`, `address matches${former[1]}`];
      if (reason.kind === 'street') {
        return [
          `Straße stimmt, Hausnummer nicht${former[0]}`,
          `street matches, house number does not${former[1]}`,
        ];
      }
      return ['Adresse weicht ab', 'address differs'];
    }
  }
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins the reasons into one German and one English line. */
export function explain(reasons: readonly Reason[]): Explanation {
  const texts = reasons.map(sentence);
  return {
    de: capitalise(texts.map(([de]) => de).join(', ')),
    en: capitalise(texts.map(([, en]) => en).join(', ')),
  };
}
