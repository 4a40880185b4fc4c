import { localDate } from '../../local-date.js';
import { addDays } from '../listings/listings.rules.js';
import { demoServices, type DemoSeed } from './demo.register.js';

/**
 * The life cycle in the demo city, after `seedDemoRegister`: Nowak's listing (ending within
 * weeks, so in the review window) has an extension proposed by the first registrar that the
 * second one can confirm; Yılmaz's listing is restricted on his request while a dispute is
 * decided (its held-back letter's review date has long passed, so it is on the start page too).
 */
export async function seedDemoLifeCycle(input: DemoSeed) {
  const { config, now, cast } = input;
  const { s } = demoServices(input);
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
  const requests = [
    yilmaz && {
      personId: yilmaz.person.id,
      kind: 'restriction' as const,
      receivedOn: addDays(today, -3),
      identityCheck: 'Schreiben mit Unterschrift, Abgleich mit der Meldeadresse',
    },
    nowak && {
      personId: nowak.person.id,
      kind: 'access' as const,
      receivedOn: addDays(today, -40),
      identityCheck: 'Personalausweis am Schalter vorgelegt',
    },
  ].filter((request) => !!request);
  for (const request of requests) {
    await s.subjectRequests.record({ actor: registrar, input: request });
  }
  return {
    extensionProposed: nowak ? 1 : 0,
    restricted: yilmaz ? 1 : 0,
    requests: requests.length,
  };
}
