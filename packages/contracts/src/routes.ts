import { identityContract } from './identity.routes.js';
import { incidentsContract } from './incidents.routes.js';
import type { RouteContract } from './route.js';

/** Every module's routes: one line per module contract (`<module>.routes.ts`). */
export const API_CONTRACTS = {
  identity: identityContract,
  incidents: incidentsContract,
} satisfies Record<string, Record<string, RouteContract>>;

/** Every route of the contract, for the API's completeness test and the OpenAPI document. */
export const ALL_ROUTES: readonly RouteContract[] = Object.values(API_CONTRACTS).flatMap(
  (contract) => Object.values(contract),
);
