import { z } from 'zod';
import { Correction } from './correction-history.schemas.js';
import { ErrorCode, FieldError, LocalizedText, Problem } from './errors.js';
import { CurrentUser, SessionInfo } from './identity.schemas.js';
import { Incident, IncidentSummary, InvolvedPerson } from './incidents.schemas.js';
import {
  Listing,
  ListingSummary,
  Person,
  PersonCandidate,
  Precaution,
} from './listings.schemas.js';
import { LookupResult } from './lookup.schemas.js';
import { Factor, MfaStatus } from './mfa.schemas.js';
import { Notice } from './notifications.schemas.js';
import {
  Department,
  Grant,
  PendingGrant,
  StatusRequest,
  UserDetail,
  UserSummary,
} from './organisation.schemas.js';
import { SubjectRequest } from './subject-requests.schemas.js';

/**
 * Schemas the OpenAPI document names once, as components, and refers to by `$ref` (instead of
 * repeating them in every route). Add a schema here when it is shared by several routes.
 */
const COMPONENTS: Record<string, z.ZodType> = {
  ErrorCode,
  LocalizedText,
  FieldError,
  Problem,
  CurrentUser,
  MfaStatus,
  SessionInfo,
  Incident,
  IncidentSummary,
  InvolvedPerson,
  Correction,
  Person,
  PersonCandidate,
  Precaution,
  Listing,
  ListingSummary,
  LookupResult,
  Factor,
  Notice,
  Department,
  Grant,
  PendingGrant,
  StatusRequest,
  UserSummary,
  UserDetail,
  SubjectRequest,
};

/** Registers the components with zod's global registry (for the OpenAPI generator); idempotent. */
export function registerOpenApiComponents(): void {
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }
}
