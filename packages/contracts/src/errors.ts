import { z } from 'zod';

/** Stable error codes. The web app translates them; clients may script against them. */
export const ERROR_CODES = [
  'request.invalid',
  'request.malformed_body',
  'request.unsupported_media_type',
  'request.body_too_large',
  'request.cross_origin',
  'request.rate_limited',
  'resource.not_found',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.second_factor_required',
  'mfa.invalid_code',
  'mfa.code_reused',
  'mfa.throttled',
  'mfa.enrolment_not_allowed',
  'mfa.enrolment_expired',
  'mfa.passkey_failed',
  'mfa.factor_not_found',
  'mfa.last_factor',
  'password.too_common',
  'password.contains_username',
  'import.too_many_rows',
  'setup.token_invalid',
  'setup.already_completed',
  'user.username_taken',
  'user.not_found',
  'user.self_change',
  'department.code_taken',
  'department.unknown',
  'department.parent_cycle',
  'department.has_members',
  'grant.self_grant',
  'grant.already_held',
  'grant.incompatible_roles',
  'grant.department_not_authorised',
  'grant.user_disabled',
  'grant.not_found',
  'grant.self_confirm',
  'grant.not_pending',
  'grant.last_admin',
  'grant.end_in_past',
  'idempotency.key_required',
  'idempotency.key_reused',
  'idempotency.in_flight',
  'incident.in_future',
  'incident.not_amendable',
  'incident.wrong_status',
  'incident.own_report',
  'person.not_found',
  'person.merge_same',
  'listing.no_confirmed_incident',
  'listing.level_too_low',
  'listing.no_criminal_complaint',
  'listing.incident_other_person',
  'listing.already_listed',
  'listing.same_registrar',
  'listing.wrong_status',
  'listing.valid_until_invalid',
  'listing.precaution_unknown',
  'sso.not_configured',
  'sso.provider_unavailable',
  'sso.expired',
  'sso.cancelled',
  'sso.failed',
  'sso.claims_missing',
  'sso.department_unknown',
  'sso.no_account',
  'sso.account_disabled',
  'demo.not_enabled',
  'demo.unknown_account',
  'server.internal',
  'server.unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A message in both UI languages, so API clients without a translation table read it too. */
export const LocalizedText = z.object({ de: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** One problem with one input field. `field` is a dotted path such as `password`. */
export const FieldError = z.object({
  field: z.string(),
  code: z.string(),
  message: LocalizedText,
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details with ZeMAG's stable `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: LocalizedText,
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;
