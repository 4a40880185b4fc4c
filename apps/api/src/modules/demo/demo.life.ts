import { createManualClock, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { localDate } from '../../local-date.js';
import { createServices, type ServicesConfig } from '../../services.js';
import { addDays } from '../listings/listings.rules.js';
import type { DemoCast } from './demo.register.js';

/**
 * The life cycle in the demo city, after `seedDemoRegister`: Nowak's listing (ending within
 * weeks, so in the review window) has an extension proposed by the first registrar that the
 * second one can confirm; Yılmaz's listing is restricted on his request while a dispute is
 * decided (its held-back letter's review date has long passed, so it is on the start page too).
 */
export async function seedDemoLifeCycle({
  db,
  config,
  now,
  cast,
}: {
  db: Db;
  config: ServicesConfig;
  now: Date;
  cast: DemoCast;
}) {
  const clock = createManualClock(now);
  const s = createServices({ db, clock: clock as Clock, config });
  const registrar = cast.actor('demo.registrar');
  const { listings } = await s.listings.list({ actor: registrar, statuses: ['active'] });
  const byName = new Map(listings.map((l) => [l.person.familyName, l]));
  const today = localDate(now, config.timeZone);
  const nowak = byName.get('Nowak');
  if (nowak) {
    await s.listings.proposeExtension({
      actor: registrar,
      id: nowak.id,
      extension: {
        validUntil: addDays(nowak.validUntil, 365),
        reason: 'Erneute Drohung am Telefon im letzten Monat; Hausbesuche stehen weiter an.',
      },
    });
  }
  const yilmaz = byName.get('Yılmaz');
  if (yilmaz) {
    await s.listings.restrict({
      actor: registrar,
      id: yilmaz.id,
      restriction: {
        until: addDays(today, 21),
        reason: 'Herr Yılmaz bestreitet schriftlich, am Vorfall beteiligt gewesen zu sein.',
        onRequest: true,
      },
    });
  }
  // Open data-subject requests: Yılmaz's restriction (in time), Nowak's access (overdue).
  let requests = 0;
  if (yilmaz) {
    await s.subjectRequests.record({
      actor: registrar,
      input: {
        personId: yilmaz.person.id,
        kind: 'restriction',
        receivedOn: addDays(today, -3),
        identityCheck: 'Schreiben mit Unterschrift, Abgleich mit der Meldeadresse',
      },
    });
    requests += 1;
  }
  if (nowak) {
    await s.subjectRequests.record({
      actor: registrar,
      input: {
        personId: nowak.person.id,
        kind: 'access',
        receivedOn: addDays(today, -40),
        identityCheck: 'Personalausweis am Schalter vorgelegt',
      },
    });
    requests += 1;
  }
  return { extensionProposed: nowak ? 1 : 0, restricted: yilmaz ? 1 : 0, requests };
}
