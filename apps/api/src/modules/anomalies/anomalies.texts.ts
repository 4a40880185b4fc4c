import type { LocalizedText } from '@zemag/contracts';
import type { AnomalyRule, AnomalySettings } from './anomalies.rules.js';

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Each rule's name and plain explanation, with the limits in effect. */
export function ruleTexts(
  rule: AnomalyRule,
  s: AnomalySettings,
): { name: LocalizedText; explanation: LocalizedText } {
  const hours = `${hhmm(s.workingHours.start)}–${hhmm(s.workingHours.end)}`;
  switch (rule) {
    case 'burst':
      return {
        name: { de: 'Viele Abfragen in kurzer Zeit', en: 'Burst of look-ups' },
        explanation: {
          de: `Mehr als ${s.burstPerHour} Abfragen einer Person innerhalb von 60 Minuten. Besuchslisten zählen mit (jede Zeile ist eine Abfrage); der Befund nennt, wie viele daher kamen.`,
          en: `More than ${s.burstPerHour} look-ups by one user within 60 minutes. Visit lists count (each line is a look-up); the finding says how many came from them.`,
        },
      };
    case 'off_hours':
      return {
        name: { de: 'Abfrage außerhalb der Arbeitszeit', en: 'Look-up outside working hours' },
        explanation: {
          de: `Abfragen vor oder nach der üblichen Arbeitszeit (${hours} Uhr Ortszeit). Bereitschaft und Spätdienst können das erklären.`,
          en: `Look-ups before or after the usual working hours (${hours} local time). On-call and late shifts can explain it.`,
        },
      };
    case 'file_number_form':
      return {
        name: { de: 'Aktenzeichen unplausibel', en: 'Implausible file number' },
        explanation: {
          de: 'Das angegebene Aktenzeichen passt nicht (mehr) zum eingestellten Schema, oder seine Ziffern sind erkennbar erfunden (nur eine Ziffer wiederholt, 1234…, 9876…).',
          en: 'The file number stated does not match the configured form (any more), or its digits look made up (one digit repeated, 1234…, 9876…).',
        },
      };
    case 'file_number_repeat':
      return {
        name: { de: 'Aktenzeichen oft wiederholt', en: 'File number repeated' },
        explanation: {
          de: `Dasselbe Aktenzeichen für mehr als ${s.fileNumberRepeatPerDay} Abfragen einer Person an einem Tag: ein Vorgang betrifft selten so viele Suchen.`,
          en: `The same file number for more than ${s.fileNumberRepeatPerDay} look-ups by one user in a day: one case rarely needs that many searches.`,
        },
      };
    case 'own_name':
      return {
        name: { de: 'Eigener Familienname', en: 'Own family name' },
        explanation: {
          de: 'Gesucht oder angezeigt wurde eine Person mit dem Familiennamen der abfragenden Person (ohne Akzente und Groß-/Kleinschreibung verglichen). Abfragen im privaten Umfeld sind unzulässig. Gleiche Straße kann nicht geprüft werden: Wohnanschriften der Beschäftigten speichert ZeMAG nicht.',
          en: "A person with the user's own family name was searched for or shown (compared without accents and case). Look-ups in one's private circle are not allowed. The same street cannot be checked: ZeMAG does not store employees' home addresses.",
        },
      };
    case 'no_match':
      return {
        name: { de: 'Viele Abfragen ohne Treffer', en: 'Many look-ups without a match' },
        explanation: {
          de: `Mehr als ${s.noMatchPerDay} Abfragen einer Person an einem Tag, die niemanden gezeigt haben: Das kann auf ein Ausforschen der Liste hindeuten.`,
          en: `More than ${s.noMatchPerDay} look-ups by one user in a day that showed nobody: this can point to someone probing the register.`,
        },
      };
  }
}

/** One sentence for a finding, from the facts the rule recorded. */
export function findingSummary(
  rule: string,
  facts: Record<string, string | number>,
): LocalizedText {
  const n = facts.count ?? 0;
  switch (rule) {
    case 'burst':
      return {
        de: `${n} Abfragen innerhalb von 60 Minuten (Grenze ${facts.limit}; davon aus Besuchslisten: ${facts.fromVisitLists ?? 0}).`,
        en: `${n} look-ups within 60 minutes (limit ${facts.limit}; from visit lists: ${facts.fromVisitLists ?? 0}).`,
      };
    case 'off_hours':
      return {
        de: `${n} Abfrage(n) außerhalb von ${facts.workingHours} Uhr.`,
        en: `${n} look-up(s) outside ${facts.workingHours}.`,
      };
    case 'file_number_form':
      return facts.problem === 'placeholder'
        ? {
            de: `Aktenzeichen „${facts.fileNumber}“ wirkt erfunden (Ziffernfolge); ${n} Abfrage(n).`,
            en: `File number "${facts.fileNumber}" looks made up (digit run); ${n} look-up(s).`,
          }
        : {
            de: `Aktenzeichen „${facts.fileNumber}“ passt nicht zum Schema; ${n} Abfrage(n).`,
            en: `File number "${facts.fileNumber}" does not match the configured form; ${n} look-up(s).`,
          };
    case 'file_number_repeat':
      return {
        de: `Aktenzeichen „${facts.fileNumber}“ für ${n} Abfragen an einem Tag (Grenze ${facts.limit}).`,
        en: `File number "${facts.fileNumber}" used for ${n} look-ups in a day (limit ${facts.limit}).`,
      };
    case 'own_name':
      return {
        de: 'Abfrage einer Person mit dem eigenen Familiennamen.',
        en: 'Look-up of a person with the own family name.',
      };
    case 'no_match':
      return {
        de: `${n} Abfragen ohne Treffer an einem Tag (von ${facts.lookups}; Grenze ${facts.limit}).`,
        en: `${n} look-ups without a match in a day (of ${facts.lookups}; limit ${facts.limit}).`,
      };
    default:
      return { de: rule, en: rule };
  }
}
