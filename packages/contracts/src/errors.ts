import { z } from 'zod';

/**
 * Stable error codes. The web app shows their texts; clients may script against them.
 * To add a code: add it here, then its texts in errors.de.ts, errors.en.ts and errors.titles.ts
 * (typecheck fails until all three have it).
 */
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
  'grant.ended',
  'idempotency.key_required',
  'idempotency.key_reused',
  'idempotency.in_flight',
  'incident.in_future',
  'incident.not_amendable',
  'incident.wrong_status',
  'incident.own_report',
  'incident.incomplete',
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
  'listing.notification_date_invalid',
  'listing.letter_unprintable',
  'lookup.reason_unknown',
  'lookup.query_too_vague',
  'visit_list.empty',
  'visit_list.too_many_entries',
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
  'grant.user_not_activated',
  'activation.token_invalid',
  'activation.already_activated',
  'user.status_request_pending',
  'user.status_request_not_found',
  'user.status_self_confirm',
  'request.headers_too_large',
  'request.timeout',
  'request.wrong_host',
  // data-subject requests (Art. 15–18, 21 GDPR)
  'subject_request.received_in_future',
  'subject_request.already_extended',
  'subject_request.extension_too_long',
  'subject_request.already_answered',
  'anomaly.already_reviewed',
  'subject_request.answer_date_invalid',
  'subject_request.not_erasure',
  'subject_request.erasure_already_proposed',
  'subject_request.erasure_not_proposed',
  'subject_request.same_registrar',
  'subject_request.person_erased',
  'subject_request.erasure_unavailable',
  'subject_request.export_unprintable',
  // deletion (issue 11)
  'deletion.incident_grounds_listing',
  // Listing life cycle (issue 11): extension, restriction.
  'listing.extension_not_later',
  'listing.extension_too_long',
  'listing.extension_pending',
  'listing.extension_missing',
  'listing.restricted',
  'listing.restriction_until_invalid',
  // issue 11: grants that lapse, purpose that means something (helper misc)
  'lookup.file_number_invalid',
  // Corrections (Art. 16 GDPR)
  'correction.empty',
  'correction.stale',
  'incident.correction_breaks_listing',
  // Look-up rate limit (issue 13): the text names the wait (`{{wait}}`, see waitText).
  'lookup.rate_limited',
  'visit_list.rate_limited',
  // Statistics (issue 14): the period asked for
  'statistics.period_reversed',
  'statistics.period_too_long',
  // Silent alarm (issue 15)
  'alarm.already_acknowledged',
  'alarm.closed',
  'alarm.pins_not_set',
  'alarm.pins_same',
  'alarm.pin_wrong',
  'alarm.pin_throttled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error codes as a schema (a component of the OpenAPI document). */
export const ErrorCode = z.enum(ERROR_CODES);

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
  code: ErrorCode,
  detail: LocalizedText,
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
  /** With 429: seconds until the next attempt can succeed (the same as the Retry-After header). */
  retryAfter: z.number().int().positive().optional(),
});
export type Problem = z.infer<typeof Problem>;
