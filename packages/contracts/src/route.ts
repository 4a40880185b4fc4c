import type { z } from 'zod';
import type { RouteAccess } from './permissions.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Statuses of a successful answer (302: a redirect the browser follows, e.g. single sign-on). */
export type SuccessStatus = 200 | 201 | 202 | 204 | 302;

/** Problem statuses a register route may answer (400, 401, 403, 404, 409, 422). */
export const REGISTER_PROBLEM_STATUSES = [400, 401, 403, 404, 409, 422] as const;

/**
 * One endpoint of the HTTP API: the API registers it from this description (validation,
 * response filtering, OpenAPI) and the web app calls it through the typed client, so the path,
 * method and shapes are written once.
 */
export interface RouteContract {
  method: HttpMethod;
  /** Path with `:name` parameters, e.g. `/api/v1/incidents/:id`. */
  path: string;
  /** Who may call it; the API's access hook enforces it (see apps/api/src/http/access.ts). */
  access: RouteAccess;
  /** OpenAPI tag: the API module. */
  tag: string;
  /** One line for the OpenAPI document. */
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request headers the route reads (e.g. `idempotency-key`). */
  headers?: z.ZodType;
  /** The success status and the schema of its body (`z.null()` for 204). */
  status: SuccessStatus;
  response: z.ZodType;
  /** Further success statuses with the same body (e.g. 202 when a second person must confirm). */
  alsoStatuses?: readonly SuccessStatus[];
  /** Statuses answered with problem+json. */
  problems: readonly number[];
  /** Media types of a success body that is no JSON (e.g. `application/pdf`). */
  produces?: readonly string[];
}

/** Declares a route; `const` keeps the literal path, method and status in the type. */
export function route<const R extends RouteContract>(contract: R): R {
  return contract;
}
