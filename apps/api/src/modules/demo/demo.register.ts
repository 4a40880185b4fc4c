import { type CurrentUser, IncidentReportInput, permissionsFor, type Role } from '@zemag/contracts';
import { createManualClock, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { localInstant } from '../../local-date.js';
import { createServices, type ServicesConfig } from '../../services.js';
import {
  DEMO_INCIDENTS,
  DEMO_LISTINGS,
  DEMO_ANOMALY_LOOKUPS,
  DEMO_LOOKUPS,
  DEMO_PERSONS,
  DEMO_VISIT_LISTS,
  type DemoIncident,
} from './demo.register.data.js';
import { planDemoBackground } from './demo.background.seed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Idempotency keys of the demo reports: fixed, so a seed is the same every time. */
const demoKey = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

export interface DemoCast {
  /** Demo user name → the signed-in user the services need. */
  actor(username: string): Pick<CurrentUser, 'id' | 'displayName' | 'abilities'>;
}

/** Builds the cast from user ids, display names and roles. */
export function demoCast(
  users: Map<string, { id: string; displayName: string; roles: Role[] }>,
): DemoCast {
  return {
    actor(username) {
      const user = users.get(username);
      if (!user) throw new Error(`no demo user ${username}`);
      return { id: user.id, displayName: user.displayName, abilities: permissionsFor(user.roles) };
    },
  };
}

/** What a demo seeding step works on: the database, the moment of the seed, the demo users. */
export interface DemoSeed {
  db: Db;
  config: ServicesConfig;
  now: Date;
  cast: DemoCast;
}

/** The normal services on a clock of their own, starting at the seed's moment. */
export function demoServices({ db, config, now }: DemoSeed) {
  const clock = createManualClock(now);
  return { clock, s: createServices({ db, clock: clock as Clock, config }) };
}

/**
 * Plays Musterstadt's register through the normal services on a clock that walks from two
 * years ago to now: reports, reviews, questions, linked persons, listings proposed by one
 * registrar and activated by the other, letters recorded. Same seed moment, same data.
 */
export async function seedDemoRegister(input: DemoSeed) {
  const { now, cast } = input;
  const timeZone = input.config.timeZone;
  const { clock, s } = demoServices(input);
  const registrar = cast.actor('demo.registrar');
  const registrar2 = cast.actor('demo.registrar2');
  const events: { at: number; order: number; run: () => Promise<void> }[] = [];
  const at = (daysAgo: number, hours: number) => now.getTime() - daysAgo * DAY + hours * HOUR;
  let order = 0;
  const plan = (time: number, run: () => Promise<void>) =>
    events.push({ at: Math.min(time, now.getTime()), order: order++, run });

  const incidentIds: string[] = [];
  const personIds = new Map<string, string>();

  async function link(incident: DemoIncident, id: string) {
    const stored = await s.incidents.get({ actor: registrar, id });
    for (const [index, key] of (incident.links ?? []).entries()) {
      if (!key) continue;
      const involvedId = stored.persons[index]!.id;
      const existing = personIds.get(key);
      const record = DEMO_PERSONS[key]!;
      const person = await s.persons.link({
        actor: registrar,
        incidentId: id,
        involvedId,
        request: existing ? { personId: existing } : { create: record },
      });
      personIds.set(key, person.id);
    }
  }

  DEMO_INCIDENTS.forEach((incident, index) => {
    const occurred = at(incident.daysAgo, -3);
    plan(occurred + 2 * HOUR, async () => {
      const { receipt } = await s.incidents.submit({
        actor: cast.actor(incident.reporter),
        key: demoKey(index),
        report: IncidentReportInput.parse({
          ...incident.report,
          occurredAt: new Date(occurred).toISOString(),
        }),
      });
      incidentIds[index] = receipt.id;
    });
    const review = incident.review;
    if (review.kind === 'submitted') return;
    plan(occurred + DAY, async () => {
      const id = incidentIds[index]!;
      await s.incidents.startReview({ actor: registrar, id });
      if (review.kind === 'in_review') return;
      const decision =
        review.kind === 'confirm'
          ? { decision: 'confirm' as const, note: review.note ?? '' }
          : review.kind === 'reject'
            ? { decision: 'reject' as const, reason: review.reason }
            : { decision: 'ask' as const, question: review.question };
      await s.incidents.decide({ actor: registrar, id, decision });
      if (review.kind === 'confirm') await link(incident, id);
    });
  });

  for (const listing of DEMO_LISTINGS) {
    const latest = Math.min(...listing.grounds.map((g) => DEMO_INCIDENTS[g]!.daysAgo));
    let listingId = '';
    plan(at(latest, 0) + 5 * DAY, async () => {
      const proposed = await s.listings.propose({
        actor: registrar,
        proposal: {
          personId: personIds.get(listing.person)!,
          incidentIds: listing.grounds.map((g) => incidentIds[g]!),
          precautions: listing.precautions,
          precautionsText: listing.precautionsText ?? null,
          reason: listing.reason,
        },
      });
      listingId = proposed.id;
    });
    if (listing.state === 'proposed') continue;
    plan(at(latest, 0) + 6 * DAY, async () => {
      await s.listings.activate({ actor: registrar2, id: listingId, reason: null });
    });
    const letter = listing.letter;
    if (!letter) continue;
    plan(at(latest, 0) + 8 * DAY, async () => {
      const today = new Date(clock.now()).toISOString().slice(0, 10);
      await s.listings.recordNotification({
        actor: registrar2,
        id: listingId,
        record:
          letter.state === 'sent'
            ? { state: 'sent', sentOn: today }
            : {
                state: 'held_back',
                reason: letter.reason,
                reviewOn: new Date(clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10),
              },
      });
    });
  }

  // Look-ups and visit lists at a local time of day (office hours), whatever the time of the
  // seed: the anomaly rules then find in every demo exactly what DEMO_ANOMALY_LOOKUPS plants.
  const localTimeOn = (daysAgo: number, time: string) =>
    localInstant(new Date(now.getTime() - daysAgo * DAY), time, timeZone);
  for (const lookup of DEMO_LOOKUPS) {
    plan(localTimeOn(lookup.daysAgo, '09:30'), async () => {
      const { daysAgo: _daysAgo, by, ...request } = lookup;
      await s.lookup.lookup({ actor: cast.actor(by), request });
    });
  }

  for (const timed of DEMO_ANOMALY_LOOKUPS) {
    const { daysAgo, localTime, by, repeat, ...request } = timed;
    const first = localTimeOn(daysAgo, localTime);
    for (let i = 0; i < (repeat?.times ?? 1); i++) {
      plan(first + i * (repeat?.everySeconds ?? 0) * 1000, async () => {
        const address = request.address
          ? { ...request.address, ...(repeat ? { houseNumber: String(i + 1) } : {}) }
          : undefined;
        await s.lookup.lookup({
          actor: cast.actor(by),
          request: { ...request, ...(address ? { address } : {}) },
        });
      });
    }
  }

  for (const list of DEMO_VISIT_LISTS) {
    plan(localTimeOn(list.daysAgo, '08:15'), async () => {
      await s.visits.check({
        actor: cast.actor(list.by),
        request: { purpose: list.purpose, text: list.text },
      });
    });
  }

  // the everyday background: the statistics of two years need more than the stories above
  const background = planDemoBackground({ seed: input, services: { clock, s }, plan });

  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const event of events) {
    clock.set(new Date(event.at));
    await event.run();
  }
  // the anomaly rules over the demo's two years: the DPO's findings to work through
  clock.set(now);
  await s.auditChainer.drain();
  await s.anomalies.scan({ maxBatches: 1000 });
  return {
    incidents: incidentIds.length,
    persons: personIds.size,
    listings: DEMO_LISTINGS.length,
    lookups: DEMO_LOOKUPS.length,
    visitLists: DEMO_VISIT_LISTS.length,
    background,
  };
}
