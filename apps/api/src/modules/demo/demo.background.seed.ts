import { IncidentReportInput } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import { addMonths, localDate, localInstant } from '../../local-date.js';
import { expireDueListings } from '../retention/expiry.js';
import { demoBackground, type BackgroundReport } from './demo.background.js';
import type { DemoCast, DemoSeed, demoServices } from './demo.register.js';
import { DEMO_ANOMALY_LOOKUPS, DEMO_LOOKUPS, DEMO_VISIT_LISTS } from './demo.register.data.js';

const DAY = 86_400_000;

/** Idempotency keys of the background reports (after the hand-written ones' keys). */
const backgroundKey = (index: number) =>
  `00000000-0000-4000-8000-${String(100_000 + index).padStart(12, '0')}`;

const REJECTION = {
  1: 'Beleidigung ohne Gefahr für Beschäftigte; kein Fall für das Register.',
  other: 'Keine Person bestimmbar; bitte bei Wiederholung erneut melden.',
} as const;

function reportOf(report: BackgroundReport, occurredAt: number, person: object) {
  const violent = report.categories.includes('physical_violence');
  return IncidentReportInput.parse({
    occurredAt: new Date(occurredAt).toISOString(),
    place: report.street
      ? {
          address: {
            street: report.street,
            houseNumber: report.place,
            postalCode: '12345',
            city: 'Musterstadt',
          },
        }
      : { description: report.place },
    categories: report.categories,
    level: report.level,
    description: report.description,
    injuries: violent ? 'minor' : 'none',
    policeInvolved: report.level === 3 || violent,
    criminalComplaint:
      report.complaint === 'yes'
        ? {
            status: 'yes',
            fileNumber: `${60 + (occurredAt % 37)} Js ${100 + (occurredAt % 4_700)}/${report.date.slice(2, 4)}`,
          }
        : { status: report.complaint, fileNumber: null },
    persons: [person],
  });
}

/**
 * Plans the background of demo.background.ts into the demo's events: reports submitted by the
 * staff, reviewed the next weekday by the first registrar (persons linked on confirmation),
 * listings proposed by her and activated by the second registrar, then expired (the expiry job
 * on the demo's clock) or ended; look-ups by the field staff in office hours.
 */
export function planDemoBackground({
  seed,
  services: { clock, s },
  plan,
}: {
  seed: DemoSeed & { cast: DemoCast };
  services: ReturnType<typeof demoServices>;
  plan: (time: number, run: () => Promise<void>) => void;
}) {
  const { now, cast } = seed;
  const timeZone = seed.config.timeZone;
  const registrar = cast.actor('demo.registrar');
  const registrar2 = cast.actor('demo.registrar2');
  const localOn = (daysAgo: number) => localDate(new Date(now.getTime() - daysAgo * DAY), timeZone);
  const busy = new Set(
    [...DEMO_LOOKUPS, ...DEMO_ANOMALY_LOOKUPS, ...DEMO_VISIT_LISTS].map(
      (l) => `${l.by}|${localOn(l.daysAgo)}`,
    ),
  );
  const today = localOn(0);
  const background = demoBackground({ today, busy });
  // noon UTC lies on the same calendar day in every time zone a German city would use
  const instant = (date: string, time: string) =>
    localInstant(new Date(`${date}T12:00:00Z`), time, timeZone);
  const nextWeekday = (date: string) => {
    let d = Date.parse(`${date}T12:00:00Z`) + DAY;
    while ([0, 6].includes(new Date(d).getUTCDay())) d += DAY;
    return new Date(d).toISOString().slice(0, 10);
  };

  const records = new Map(background.persons.map((p) => [p.key, p.record]));
  const incidentIds: string[] = [];
  const personIds = new Map<string, string>();

  background.reports.forEach((report, index) => {
    const occurred = instant(report.date, report.time);
    const record = 'key' in report.person ? records.get(report.person.key)! : null;
    plan(occurred + 2 * 3_600_000, async () => {
      const { receipt } = await s.incidents.submit({
        actor: cast.actor(report.reporter),
        key: backgroundKey(index),
        report: reportOf(
          report,
          occurred,
          record
            ? {
                familyName: record.familyName,
                givenNames: record.givenNames,
                dateOfBirth: record.dateOfBirth,
              }
            : report.person,
        ),
      });
      incidentIds[index] = receipt.id;
    });
    plan(instant(nextWeekday(report.date), '10:30'), async () => {
      const id = incidentIds[index]!;
      await s.incidents.startReview({ actor: registrar, id });
      const decided = await s.incidents.decide({
        actor: registrar,
        id,
        decision:
          report.review === 'confirm'
            ? { decision: 'confirm', note: '' }
            : {
                decision: 'reject',
                reason: report.level === 1 ? REJECTION[1] : REJECTION.other,
              },
      });
      if (!record || report.review !== 'confirm') return;
      const key = (report.person as { key: string }).key;
      const existing = personIds.get(key);
      const person = await s.persons.link({
        actor: registrar,
        incidentId: id,
        involvedId: decided.persons[0]!.id,
        request: existing ? { personId: existing } : { create: record },
      });
      personIds.set(key, person.id);
    });
  });

  for (const listing of background.listings) {
    const latest = background.reports[listing.grounds.at(-1)!]!.date;
    const proposedOn = nextWeekday(nextWeekday(latest));
    const activatedOn = nextWeekday(proposedOn);
    let listingId = '';
    const { fate } = listing;
    plan(instant(proposedOn, '11:00'), async () => {
      const serious = listing.grounds.filter((g) => {
        const r = background.reports[g]!;
        return r.level >= 2 && r.complaint === 'yes';
      });
      const proposed = await s.listings.propose({
        actor: registrar,
        proposal: {
          personId: personIds.get(listing.personKey)!,
          incidentIds: serious.map((g) => incidentIds[g]!),
          precautions: ['pairs_only'],
          precautionsText: null,
          reason: 'Bestätigte Vorfälle (Stufe 2 oder 3), Anzeige erstattet.',
          ...(fate.kind === 'expires' ? { validUntil: addMonths(proposedOn, fate.months) } : {}),
        },
      });
      listingId = proposed.id;
    });
    plan(instant(activatedOn, '09:00'), async () => {
      await s.listings.activate({ actor: registrar2, id: listingId, reason: null });
    });
    if (fate.kind === 'expires') {
      const due = addMonths(proposedOn, fate.months);
      plan(instant(due, '23:59') + 2 * 3_600_000, async () => {
        await expireDueListings({ db: seed.db, audit: s.audit, clock: clock as Clock, timeZone });
      });
    } else if (fate.kind === 'ends') {
      const endsAt = instant(activatedOn, '14:00') + fate.days * DAY;
      if (endsAt < now.getTime() - DAY) {
        plan(endsAt, async () => {
          await s.listings.end({
            actor: registrar2,
            id: listingId,
            reason: 'Person ist verzogen; keine Einsätze mehr zu erwarten.',
          });
        });
      }
    }
  }

  for (const lookup of background.lookups) {
    plan(instant(lookup.date, lookup.time), async () => {
      const q = lookup.query;
      await s.lookup.lookup({
        actor: cast.actor(lookup.by),
        request: {
          ...('street' in q
            ? { address: { street: q.street, houseNumber: q.houseNumber, city: 'Musterstadt' } }
            : q),
          purpose: { fileNumber: lookup.fileNumber, reason: lookup.reason },
        },
      });
    });
  }
  return {
    reports: background.reports.length,
    persons: background.persons.length,
    listings: background.listings.length,
    lookups: background.lookups.length,
  };
}
