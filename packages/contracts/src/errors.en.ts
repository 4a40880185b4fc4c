import type { ErrorCode } from './errors.js';

/** English text of every error code: shown by the web app and sent as `detail.en` by the API. */
export const ERROR_TEXTS_EN: Record<ErrorCode, string> = {
  'request.invalid': 'The input is not valid. Please check the fields marked.',
  'request.malformed_body': 'The request could not be read.',
  'request.unsupported_media_type': 'This data format is not accepted.',
  'request.body_too_large': 'The request is too large.',
  'request.cross_origin': 'Requests from other sites are refused.',
  'request.rate_limited': 'Too many attempts. Please wait a moment, then try again.',
  'resource.not_found': 'Not found.',
  'auth.unauthenticated': 'Please sign in.',
  'auth.forbidden': 'You are not permitted to do this.',
  'auth.invalid_credentials': 'User name or password is wrong.',
  'auth.throttled': 'Too many failed sign-ins. Please wait a moment before you try again.',
  'auth.second_factor_required': 'Please confirm the sign-in with your second factor.',
  'mfa.invalid_code': 'The code is wrong or has expired. Please enter the current code.',
  'mfa.code_reused': 'This code has already been used. Please wait for the next code.',
  'mfa.throttled': 'Too many wrong codes. Please wait a moment.',
  'mfa.enrolment_not_allowed': 'Please confirm the sign-in with an existing factor first.',
  'mfa.enrolment_expired': 'The set-up took too long. Please start again.',
  'mfa.passkey_failed': 'The passkey was not accepted. Please try again.',
  'mfa.factor_not_found': 'This second factor does not exist.',
  'mfa.last_factor':
    'The last sign-in factor cannot be removed while your role requires a second factor. Set up another one first.',
  'password.too_common':
    'This password is too common or too simple. Choose, for example, a sentence of several words.',
  'password.contains_username': 'The password must not contain the user name.',
  'import.too_many_rows': 'The file has too many rows (at most 50,000).',
  'setup.token_invalid':
    'The setup link is invalid, expired or already used. Restarting the server prints a new link.',
  'setup.already_completed': 'Setup is already complete; an administrator account exists.',
  'user.username_taken': 'This user name is already taken.',
  'user.not_found': 'This user account does not exist.',
  'user.self_change': 'You cannot change your own account here.',
  'department.code_taken': 'This code is already used by another department.',
  'department.unknown': 'This department does not exist.',
  'department.parent_cycle': 'A department cannot sit below itself or one of its sub-departments.',
  'department.has_members': 'People are still assigned to this department.',
  'grant.self_grant': 'Nobody can grant or confirm roles for themselves.',
  'grant.already_held': 'This role is already granted or requested.',
  'grant.incompatible_roles':
    'This role is incompatible with another role the person holds (separation of duties).',
  'grant.department_not_authorised':
    "The department is not authorised for look-ups; the 'field' role is not possible there.",
  'grant.user_disabled': 'The user account is disabled.',
  'grant.not_found': 'This role grant does not exist.',
  'grant.self_confirm': 'A second administrator must confirm this grant (four-eyes principle).',
  'grant.not_pending': 'This role grant is no longer awaiting confirmation.',
  'grant.last_admin': 'The last active administrator cannot be removed.',
  'grant.end_in_past': 'The end date must not be in the past.',
  'grant.ended': 'The grant is past its end date and cannot be re-certified. Grant the role anew.',
  'idempotency.key_required':
    'This call needs an Idempotency-Key header (a UUID) so that a retry is stored only once.',
  'idempotency.key_reused': 'This Idempotency-Key was already used for a different request.',
  'idempotency.in_flight': 'This report is being stored right now. Please wait a moment.',
  'incident.incomplete':
    'The report is still incomplete: please give the level and the kind of incident.',
  'incident.in_future': 'The time of the incident is in the future.',
  'incident.not_amendable': 'This report can no longer be changed.',
  'incident.wrong_status': 'This is not possible in the report’s current state.',
  'incident.own_report': 'Another registrar acts on your own reports (review, persons, listings).',
  'person.not_found': 'This person does not exist in the register.',
  'person.merge_same': 'A person cannot be merged with itself.',
  'listing.no_confirmed_incident':
    'A listing needs at least one confirmed incident involving this person.',
  'listing.level_too_low': 'A listing needs a confirmed incident of level 2 or 3.',
  'listing.no_criminal_complaint':
    'A listing needs a level 2 or 3 incident for which a criminal complaint was filed.',
  'listing.incident_other_person': 'At least one chosen incident does not involve this person.',
  'listing.already_listed': 'This person already has a proposed or active listing.',
  'listing.same_registrar':
    'A listing or its extension is confirmed by a registrar other than the one who proposed it.',
  'listing.wrong_status': 'This is not possible in the listing’s current state.',
  'listing.valid_until_invalid':
    'The valid-until date must be in the future and at most 5 years ahead.',
  'listing.precaution_unknown': 'This precaution is not in the catalogue.',
  'listing.notification_date_invalid':
    'A letter cannot have been sent on a future day; a review date must lie in the future.',
  'listing.letter_unprintable':
    'The letter was not produced: it cannot print some characters (see the fields named). Please check the spelling in the register, such as the Latin spelling from the passport, or write the letter by hand.',
  'statistics.period_reversed':
    'The month “to” lies before the month “from”. Please check the period.',
  'statistics.period_too_long': 'The period may cover at most 120 months (ten years).',
  'lookup.reason_unknown': 'Please choose a reason for the look-up from the list.',
  'lookup.query_too_vague': 'Please enter a family name with letters or a street.',
  'visit_list.empty': 'The visit list is empty. Please enter at least one name or address.',
  'visit_list.too_many_entries':
    'The visit list has too many entries (at most 100 per list). Please split it.',
  'sso.not_configured': 'Sign-in with the organisation account is not set up.',
  'sso.provider_unavailable':
    'The organisation sign-in service cannot be reached right now. Please try again later or sign in with user name and password.',
  'sso.expired': 'The sign-in took too long or was already used. Please sign in again.',
  'sso.cancelled': 'Sign-in with the organisation account was cancelled.',
  'sso.failed': 'Sign-in with the organisation account failed. Please try again.',
  'sso.claims_missing':
    'The sign-in service did not send all details ZeMAG needs about your account. Please contact IT.',
  'sso.department_unknown': 'Your department is not set up in ZeMAG. Please contact IT.',
  'sso.no_account':
    'There is no ZeMAG account for your organisation account. Please contact the ZeMAG administrators.',
  'sso.account_disabled':
    'Your ZeMAG account is disabled. Please contact the ZeMAG administrators.',
  'demo.not_enabled': 'This instance is not a demo. Please sign in with your account.',
  'demo.unknown_account': 'That is not a demo account. Please choose one of the accounts shown.',
  'server.internal': 'An internal error occurred. Your data was not changed.',
  'server.unavailable': 'The service is unavailable right now. Please try again later.',
  'grant.user_not_activated':
    'The grant can be confirmed only once the person has set up their account with the activation link themselves (or signs in through single sign-on).',
  'activation.token_invalid':
    'The activation link is invalid, expired, replaced or already used. Ask your administrators for a new link.',
  'activation.already_activated':
    'The account already has a password or signs in through single sign-on; no activation link is issued for it.',
  'user.status_request_pending':
    'A request to disable or enable this account is already waiting for confirmation.',
  'user.status_request_not_found': 'No request to disable or enable this account is waiting.',
  'user.status_self_confirm':
    'Another administrator must confirm the request, not the one who made it (four-eyes principle).',
  'request.headers_too_large':
    'The request’s header fields are too large (for example too many or too large cookies).',
  'request.timeout': 'The request did not arrive in time. Please try again.',
  'request.wrong_host':
    'This address does not belong to this service. Please open ZeMAG at its known address.',
  'subject_request.received_in_future': 'The date of receipt must not be in the future.',
  'subject_request.already_extended':
    'The deadline has already been extended once; it cannot be extended again.',
  'subject_request.extension_too_long':
    'The new deadline must be after the current one and at most two months later (Art. 12(3) GDPR).',
  'subject_request.already_answered': 'The request has already been answered.',
  'anomaly.already_reviewed':
    'This finding has already been reviewed (by someone else or in another window).',
  'subject_request.answer_date_invalid':
    'The answer date must lie between the receipt of the request and today.',
  'subject_request.not_erasure': 'This is only possible for an erasure request.',
  'subject_request.erasure_already_proposed':
    'The erasure has already been proposed; a second registrar confirms it.',
  'subject_request.erasure_not_proposed': 'The erasure must be proposed first.',
  'subject_request.same_registrar':
    'The erasure is confirmed by a registrar other than the one who proposed it.',
  'subject_request.person_erased': "The person's data have already been erased.",
  'subject_request.erasure_unavailable': 'Erasure is not available in this version yet.',
  'subject_request.export_unprintable':
    'The PDF answer was not produced: some characters cannot be printed (see the fields named). The JSON answer contains all data.',
  'deletion.incident_grounds_listing': 'The report cannot be deleted while a listing rests on it.',
  'listing.extension_not_later': 'An extension must end after the current valid-until date.',
  'listing.extension_too_long':
    'A listing may run at most 5 years from today. A longer period needs a new listing.',
  'listing.extension_pending':
    'An extension of this listing has already been proposed. It is confirmed or withdrawn first.',
  'listing.extension_missing':
    'No extension of this listing is proposed (or it has already been decided).',
  'listing.restricted':
    'The listing is restricted while a dispute is decided. A letter can be produced only once the restriction is lifted.',
  'listing.restriction_until_invalid':
    'The date by which the restriction is decided must lie in the future and before the listing’s valid-until date.',
  'lookup.file_number_invalid':
    'Please enter the full file number of the case, e.g. 32.1-2026/0815 or OA 12-345/26 (at least 5 characters, with digits; placeholders such as “-” or “123” are not enough).',
  'correction.empty': 'The correction changes nothing: please change at least one value.',
  'correction.stale':
    'The data was changed in the meantime. Please reload, check and enter the correction again.',
  'incident.correction_breaks_listing':
    'A proposed or active listing rests on this report and would have no ground after the correction (level 2 or 3 with a criminal complaint). Please end the listing first.',
  'lookup.rate_limited':
    'Too many look-ups in a short time. The next look-up is possible in {{wait}}. Until then it is unknown whether there is an entry: if in doubt, take care.',
  'visit_list.rate_limited':
    'Too many look-ups in a short time: every entry of the list counts as one look-up. This list can be checked in {{wait}}; a shorter list or single look-ups possibly sooner.',
  'alarm.already_acknowledged':
    'This alarm has already been taken (by someone else or in another window).',
  'alarm.closed': 'This alarm is already closed.',
  'alarm.pins_not_set':
    'No alarm PIN has been set yet. The control room can close the alarm; please call them.',
  'alarm.pins_same': 'The duress PIN must differ from the alarm PIN.',
  'alarm.pin_wrong': 'The PIN is not correct.',
  'alarm.pin_throttled':
    'Too many wrong PINs. The next attempt is possible in {{wait}}. Until then the alarm stays open.',
};
