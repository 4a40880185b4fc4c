import { listedAtCounter } from './register.js';
import type { TestApp } from './test-app.js';

export { call } from './register.js';

/**
 * A person with an active listing: reported together with a second, unrelated person,
 * confirmed, linked, proposed by registrar A and activated by registrar B.
 */
export function listedPerson(
  t: TestApp,
  cookies: { reporter: string; registrarA: string; registrarB: string },
  familyName: string,
  givenNames: string,
) {
  return listedAtCounter(
    t,
    cookies,
    { familyName, givenNames },
    {
      description: 'Drohte am Schalter mit Gewalt.',
      others: [{ familyName: 'Zeugin', givenNames: 'Dritte' }],
    },
  );
}
