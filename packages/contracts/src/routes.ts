import { identityContract } from './identity.routes.js';
import { incidentsContract } from './incidents.routes.js';
import { personsContract } from './persons.routes.js';
import { correctionsContract } from './corrections.routes.js';
import { lookupContract } from './lookup.routes.js';
import { visitsContract } from './visits.routes.js';
import { notificationsContract } from './notifications.routes.js';
import { listingLifeContract } from './listings.life.routes.js';
import { listingsContract } from './listings.routes.js';
import { setupContract } from './setup.routes.js';
import { demoContract } from './demo.routes.js';
import { activationContract } from './activation.routes.js';
import { departmentsContract } from './departments.routes.js';
import { importsContract } from './imports.routes.js';
import { usersContract } from './users.routes.js';
import { grantsContract } from './grants.routes.js';
import { mfaContract } from './mfa.routes.js';
import { ssoContract } from './sso.routes.js';
import { subjectRequestsContract } from './subject-requests.routes.js';
import { auditContract } from './audit.routes.js';
import { anomaliesContract } from './anomalies.routes.js';
import { recordsContract } from './records.routes.js';
import { statisticsContract } from './statistics.routes.js';
import { alarmsContract } from './alarms.routes.js';
import type { RouteContract } from './route.js';

/** Every module's routes: one line per module contract (`<module>.routes.ts`). */
export const API_CONTRACTS = {
  identity: identityContract,
  incidents: incidentsContract,
  persons: personsContract,
  corrections: correctionsContract,
  lookup: lookupContract,
  visits: visitsContract,
  notifications: notificationsContract,
  listingLife: listingLifeContract,
  listings: listingsContract,
  setup: setupContract,
  demo: demoContract,
  activation: activationContract,
  departments: departmentsContract,
  imports: importsContract,
  users: usersContract,
  grants: grantsContract,
  mfa: mfaContract,
  sso: ssoContract,
  subjectRequests: subjectRequestsContract,
  audit: auditContract,
  anomalies: anomaliesContract,
  records: recordsContract,
  statistics: statisticsContract,
  alarms: alarmsContract,
} satisfies Record<string, Record<string, RouteContract>>;

/**
 * Every route of the contract, for the API's completeness test and the OpenAPI document. A
 * function, not a constant, so that the web app's bundles do not keep every module's contract.
 */
export function allRoutes(): RouteContract[] {
  return Object.values(API_CONTRACTS).flatMap((contract) => Object.values(contract));
}
