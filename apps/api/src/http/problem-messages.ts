import type { ErrorCode, LocalizedText } from '@zemag/contracts';

/** Title (English, per RFC 9457) and a detail in both UI languages for every error code. */
export const PROBLEM_MESSAGES: Record<ErrorCode, { title: string; detail: LocalizedText }> = {
  'request.invalid': {
    title: 'Invalid input',
    detail: {
      de: 'Die Eingabe ist nicht gültig. Bitte prüfen Sie die markierten Felder.',
      en: 'The input is not valid. Please check the fields named.',
    },
  },
  'request.malformed_body': {
    title: 'Malformed request body',
    detail: {
      de: 'Die Anfrage konnte nicht gelesen werden (kein gültiges JSON).',
      en: 'The request body could not be read (not valid JSON).',
    },
  },
  'request.unsupported_media_type': {
    title: 'Unsupported media type',
    detail: {
      de: 'Dieses Datenformat wird nicht angenommen; bitte JSON senden.',
      en: 'This content type is not accepted; please send JSON.',
    },
  },
  'request.body_too_large': {
    title: 'Request body too large',
    detail: { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  },
  'request.cross_origin': {
    title: 'Cross-origin request refused',
    detail: {
      de: 'Anfragen von fremden Seiten werden abgelehnt.',
      en: 'Requests from other sites are refused.',
    },
  },
  'request.rate_limited': {
    title: 'Too many requests',
    detail: {
      de: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
      en: 'Too many requests. Please wait a moment.',
    },
  },
  'resource.not_found': {
    title: 'Not found',
    detail: { de: 'Nicht gefunden.', en: 'Not found.' },
  },
  'auth.unauthenticated': {
    title: 'Sign-in required',
    detail: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  },
  'auth.forbidden': {
    title: 'Not permitted',
    detail: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not permitted to do this.' },
  },
  'auth.invalid_credentials': {
    title: 'Sign-in failed',
    detail: { de: 'Benutzername oder Passwort ist falsch.', en: 'User name or password is wrong.' },
  },
  'auth.throttled': {
    title: 'Too many failed sign-ins',
    detail: {
      de: 'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie, bevor Sie es erneut versuchen.',
      en: 'Too many failed sign-ins. Please wait before you try again.',
    },
  },
  'auth.second_factor_required': {
    title: 'Second factor required',
    detail: {
      de: 'Bitte bestätigen Sie die Anmeldung mit Ihrem zweiten Faktor.',
      en: 'Please confirm the sign-in with your second factor.',
    },
  },
  'mfa.invalid_code': {
    title: 'Code not accepted',
    detail: {
      de: 'Der Code ist falsch oder abgelaufen.',
      en: 'The code is wrong or has expired.',
    },
  },
  'mfa.code_reused': {
    title: 'Code already used',
    detail: {
      de: 'Dieser Code wurde schon verwendet. Bitte warten Sie auf den nächsten Code.',
      en: 'This code has already been used. Please wait for the next code.',
    },
  },
  'mfa.throttled': {
    title: 'Too many wrong codes',
    detail: {
      de: 'Zu viele falsche Codes. Bitte warten Sie, bevor Sie es erneut versuchen.',
      en: 'Too many wrong codes. Please wait before you try again.',
    },
  },
  'mfa.enrolment_not_allowed': {
    title: 'Confirm your sign-in first',
    detail: {
      de: 'Bitte bestätigen Sie zuerst die Anmeldung mit einem vorhandenen Faktor.',
      en: 'Please confirm the sign-in with an existing factor first.',
    },
  },
  'mfa.enrolment_expired': {
    title: 'Enrolment expired',
    detail: {
      de: 'Die Einrichtung ist abgelaufen. Bitte beginnen Sie erneut.',
      en: 'The enrolment has expired. Please start again.',
    },
  },
  'mfa.passkey_failed': {
    title: 'Passkey not accepted',
    detail: {
      de: 'Der Passkey wurde nicht angenommen. Bitte versuchen Sie es erneut.',
      en: 'The passkey was not accepted. Please try again.',
    },
  },
  'mfa.factor_not_found': {
    title: 'Factor not found',
    detail: {
      de: 'Dieser Anmeldefaktor existiert nicht.',
      en: 'This sign-in factor does not exist.',
    },
  },
  'mfa.last_factor': {
    title: 'Last factor',
    detail: {
      de: 'Der letzte Anmeldefaktor kann nicht entfernt werden, solange Ihre Rolle einen zweiten Faktor verlangt. Richten Sie zuerst einen anderen ein.',
      en: 'The last sign-in factor cannot be removed while your role requires a second factor. Set up another one first.',
    },
  },
  'password.too_common': {
    title: 'Password too common',
    detail: {
      de: 'Dieses Passwort ist zu verbreitet oder zu einfach. Wählen Sie z. B. einen Satz aus mehreren Wörtern.',
      en: 'This password is too common or too simple. Choose, for example, a sentence of several words.',
    },
  },
  'password.contains_username': {
    title: 'Password contains the user name',
    detail: {
      de: 'Das Passwort darf den Benutzernamen nicht enthalten.',
      en: 'The password must not contain the user name.',
    },
  },
  'import.too_many_rows': {
    title: 'Too many rows',
    detail: {
      de: 'Die Datei hat zu viele Zeilen (höchstens 50.000).',
      en: 'The file has too many rows (at most 50,000).',
    },
  },
  'setup.token_invalid': {
    title: 'Setup link invalid',
    detail: {
      de: 'Der Einrichtungslink ist ungültig, abgelaufen oder wurde schon benutzt.',
      en: 'The setup link is invalid, expired or already used.',
    },
  },
  'setup.already_completed': {
    title: 'Setup already completed',
    detail: {
      de: 'Die Einrichtung ist bereits abgeschlossen; es gibt schon eine Administration.',
      en: 'Setup is already complete; an administrator exists.',
    },
  },
  'user.username_taken': {
    title: 'User name taken',
    detail: {
      de: 'Dieser Benutzername ist bereits vergeben.',
      en: 'This user name is already taken.',
    },
  },
  'user.not_found': {
    title: 'User not found',
    detail: { de: 'Dieses Benutzerkonto gibt es nicht.', en: 'This user account does not exist.' },
  },
  'user.self_change': {
    title: 'Not on your own account',
    detail: {
      de: 'Das können Sie nicht an Ihrem eigenen Konto tun.',
      en: 'You cannot do this to your own account.',
    },
  },
  'department.code_taken': {
    title: 'Department code taken',
    detail: {
      de: 'Dieses Dienststellenkürzel ist bereits vergeben.',
      en: 'This department code is already taken.',
    },
  },
  'department.unknown': {
    title: 'Unknown department',
    detail: { de: 'Diese Dienststelle gibt es nicht.', en: 'This department does not exist.' },
  },
  'department.parent_cycle': {
    title: 'Department hierarchy cycle',
    detail: {
      de: 'Eine Dienststelle kann nicht unter sich selbst oder einer ihrer Unterstellen stehen.',
      en: 'A department cannot sit below itself or one of its sub-units.',
    },
  },
  'department.has_members': {
    title: 'Department has members',
    detail: {
      de: 'Die Dienststelle hat noch Mitarbeitende.',
      en: 'The department still has members.',
    },
  },
  'grant.self_grant': {
    title: 'Not for yourself',
    detail: {
      de: 'Niemand kann sich selbst Rollen geben oder eigene Rollen bestätigen.',
      en: 'Nobody can grant or confirm roles for themselves.',
    },
  },
  'grant.already_held': {
    title: 'Role already held',
    detail: {
      de: 'Diese Rolle ist bereits vergeben oder beantragt.',
      en: 'This role is already granted or requested.',
    },
  },
  'grant.incompatible_roles': {
    title: 'Incompatible roles',
    detail: {
      de: 'Diese Rolle ist mit einer vorhandenen Rolle unvereinbar (Funktionstrennung).',
      en: 'This role cannot be combined with a role the user holds (separation of duties).',
    },
  },
  'grant.department_not_authorised': {
    title: 'Department not authorised',
    detail: {
      de: 'Die Dienststelle ist nicht für Auskünfte freigegeben; die Rolle „Außendienst“ ist dort nicht möglich.',
      en: "The department is not authorised for look-ups; the 'field' role is not possible there.",
    },
  },
  'grant.user_disabled': {
    title: 'User disabled',
    detail: { de: 'Das Benutzerkonto ist deaktiviert.', en: 'The user account is disabled.' },
  },
  'grant.not_found': {
    title: 'Grant not found',
    detail: { de: 'Diese Rollenvergabe gibt es nicht.', en: 'This role grant does not exist.' },
  },
  'grant.self_confirm': {
    title: 'Second administrator required',
    detail: {
      de: 'Die Vergabe muss eine zweite Administratorin oder ein zweiter Administrator bestätigen (Vier-Augen-Prinzip).',
      en: 'A second administrator must confirm this grant (four-eyes principle).',
    },
  },
  'grant.not_pending': {
    title: 'Grant not in that state',
    detail: {
      de: 'Die Rollenvergabe ist nicht in dem dafür nötigen Zustand.',
      en: 'The role grant is not in the state this needs.',
    },
  },
  'grant.ended': {
    title: 'Grant ended',
    detail: {
      de: 'Die Rolle ist über ihr Enddatum hinaus und kann nicht rezertifiziert werden. Vergeben Sie sie neu.',
      en: 'The grant is past its end date and cannot be re-certified. Grant the role anew.',
    },
  },
  'grant.last_admin': {
    title: 'Last administrator',
    detail: {
      de: 'Die letzte aktive Administration kann nicht entfernt werden.',
      en: 'The last active administrator cannot be removed.',
    },
  },
  'grant.end_in_past': {
    title: 'End date in the past',
    detail: { de: 'Das Enddatum liegt in der Vergangenheit.', en: 'The end date is in the past.' },
  },
  'idempotency.key_required': {
    title: 'Idempotency key required',
    detail: {
      de: 'Dieser Aufruf braucht einen Idempotency-Key (UUID), damit eine Wiederholung nur einmal gespeichert wird.',
      en: 'This call needs an Idempotency-Key header (a UUID) so that a retry is stored only once.',
    },
  },
  'idempotency.key_reused': {
    title: 'Idempotency key reused with another request',
    detail: {
      de: 'Dieser Idempotency-Key wurde schon für eine andere Meldung verwendet.',
      en: 'This Idempotency-Key was already used for a different request.',
    },
  },
  'idempotency.in_flight': {
    title: 'Same request in progress',
    detail: {
      de: 'Diese Meldung wird gerade schon gespeichert. Bitte einen Moment warten.',
      en: 'This report is being stored right now. Please wait a moment.',
    },
  },
  'incident.in_future': {
    title: 'Time in the future',
    detail: {
      de: 'Der Zeitpunkt des Vorfalls liegt in der Zukunft.',
      en: 'The time of the incident is in the future.',
    },
  },
  'incident.not_amendable': {
    title: 'Report cannot be changed',
    detail: {
      de: 'Diese Meldung kann nicht mehr geändert werden.',
      en: 'This report can no longer be changed.',
    },
  },
  'incident.wrong_status': {
    title: 'Not possible in this state',
    detail: {
      de: 'Das ist im aktuellen Stand der Meldung nicht möglich.',
      en: 'This is not possible in the report’s current state.',
    },
  },
  'incident.own_report': {
    title: 'Own report',
    detail: {
      de: 'Bei eigenen Meldungen handelt eine andere Person der Registerstelle (Prüfung, Personen, Einträge).',
      en: 'Another registrar acts on your own reports (review, persons, listings).',
    },
  },
  'incident.incomplete': {
    title: 'Report incomplete',
    detail: {
      de: 'Die Meldung ist noch unvollständig: Bitte Stufe und Art des Vorfalls angeben.',
      en: 'The report is still incomplete: please give the level and the kind of incident.',
    },
  },
  'person.not_found': {
    title: 'Person not found',
    detail: {
      de: 'Diese Person gibt es im Register nicht.',
      en: 'This person does not exist in the register.',
    },
  },
  'person.merge_same': {
    title: 'Same person',
    detail: {
      de: 'Eine Person kann nicht mit sich selbst zusammengeführt werden.',
      en: 'A person cannot be merged with itself.',
    },
  },
  'listing.no_confirmed_incident': {
    title: 'No confirmed incident',
    detail: {
      de: 'Ein Eintrag braucht mindestens einen bestätigten Vorfall mit dieser Person.',
      en: 'A listing needs at least one confirmed incident involving this person.',
    },
  },
  'listing.level_too_low': {
    title: 'Level too low',
    detail: {
      de: 'Ein Eintrag braucht einen bestätigten Vorfall der Stufe 2 oder 3.',
      en: 'A listing needs a confirmed incident of level 2 or 3.',
    },
  },
  'listing.no_criminal_complaint': {
    title: 'No criminal complaint',
    detail: {
      de: 'Ein Eintrag braucht einen Vorfall der Stufe 2 oder 3, zu dem Strafanzeige erstattet wurde.',
      en: 'A listing needs a level 2 or 3 incident for which a criminal complaint was filed.',
    },
  },
  'listing.incident_other_person': {
    title: 'Incident concerns someone else',
    detail: {
      de: 'Mindestens ein gewählter Vorfall betrifft diese Person nicht.',
      en: 'At least one chosen incident does not involve this person.',
    },
  },
  'listing.already_listed': {
    title: 'Already listed',
    detail: {
      de: 'Für diese Person gibt es schon einen vorgeschlagenen oder aktiven Eintrag.',
      en: 'This person already has a proposed or active listing.',
    },
  },
  'listing.same_registrar': {
    title: 'Four-eyes rule',
    detail: {
      de: 'Einen Eintrag oder seine Verlängerung bestätigt eine andere Person der Registerstelle als die, die ihn vorgeschlagen hat.',
      en: 'A listing or its extension is confirmed by a registrar other than the one who proposed it.',
    },
  },
  'listing.wrong_status': {
    title: 'Not possible in this state',
    detail: {
      de: 'Das ist im aktuellen Stand des Eintrags nicht möglich.',
      en: 'This is not possible in the listing’s current state.',
    },
  },
  'listing.valid_until_invalid': {
    title: 'Invalid valid-until date',
    detail: {
      de: 'Das Gültig-bis-Datum muss in der Zukunft und höchstens 5 Jahre entfernt liegen.',
      en: 'The valid-until date must be in the future and at most 5 years ahead.',
    },
  },
  'listing.precaution_unknown': {
    title: 'Unknown precaution',
    detail: {
      de: 'Diese Schutzmaßnahme steht nicht im Katalog.',
      en: 'This precaution is not in the catalogue.',
    },
  },
  'listing.notification_date_invalid': {
    title: 'Invalid notification date',
    detail: {
      de: 'Der Brief kann nicht an einem künftigen Tag versandt sein; eine Wiedervorlage muss in der Zukunft liegen.',
      en: 'A letter cannot have been sent on a future day; a review date must lie in the future.',
    },
  },
  'listing.letter_unprintable': {
    title: 'Letter cannot be printed',
    detail: {
      de: 'Der Brief wurde nicht erstellt: Einige Zeichen kann er nicht drucken (siehe die genannten Felder). Bitte die Schreibweise im Register prüfen, etwa die lateinische Schreibweise aus dem Pass, oder den Brief von Hand schreiben.',
      en: 'The letter was not produced: it cannot print some characters (see the fields named). Please check the spelling in the register, such as the Latin spelling from the passport, or write the letter by hand.',
    },
  },
  'lookup.reason_unknown': {
    title: 'Unknown look-up reason',
    detail: {
      de: 'Bitte wählen Sie einen Grund für die Abfrage aus der Liste.',
      en: 'Please choose a reason for the look-up from the list.',
    },
  },
  'lookup.query_too_vague': {
    title: 'Look-up too vague',
    detail: {
      de: 'Bitte geben Sie einen Nachnamen mit Buchstaben oder eine Straße an.',
      en: 'Please enter a family name with letters or a street.',
    },
  },
  'visit_list.empty': {
    title: 'Empty visit list',
    detail: {
      de: 'Die Besuchsliste ist leer. Bitte fügen Sie mindestens einen Namen oder eine Adresse ein.',
      en: 'The visit list is empty. Please enter at least one name or address.',
    },
  },
  'visit_list.too_many_entries': {
    title: 'Too many entries in the visit list',
    detail: {
      de: 'Die Besuchsliste hat zu viele Einträge (höchstens 100 je Liste). Bitte teilen Sie sie auf.',
      en: 'The visit list has too many entries (at most 100 per list). Please split it.',
    },
  },
  'sso.not_configured': {
    title: 'Single sign-on not configured',
    detail: {
      de: 'Die Anmeldung mit Dienstkonto ist nicht eingerichtet.',
      en: 'Sign-in with the organisation account is not set up.',
    },
  },
  'sso.provider_unavailable': {
    title: 'Identity provider unavailable',
    detail: {
      de: 'Der Anmeldedienst der Verwaltung ist gerade nicht erreichbar. Bitte später erneut versuchen oder mit Benutzername und Passwort anmelden.',
      en: 'The organisation sign-in service cannot be reached right now. Please try again later or sign in with user name and password.',
    },
  },
  'sso.expired': {
    title: 'Single sign-on expired',
    detail: {
      de: 'Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Bitte erneut anmelden.',
      en: 'The sign-in took too long or was already used. Please sign in again.',
    },
  },
  'sso.cancelled': {
    title: 'Single sign-on cancelled',
    detail: {
      de: 'Die Anmeldung mit Dienstkonto wurde abgebrochen.',
      en: 'Sign-in with the organisation account was cancelled.',
    },
  },
  'sso.failed': {
    title: 'Single sign-on failed',
    detail: {
      de: 'Die Anmeldung mit Dienstkonto ist fehlgeschlagen. Bitte erneut versuchen.',
      en: 'Sign-in with the organisation account failed. Please try again.',
    },
  },
  'sso.claims_missing': {
    title: 'Identity provider sent too little',
    detail: {
      de: 'Der Anmeldedienst hat nicht alle nötigen Angaben zu Ihrem Konto geliefert. Bitte wenden Sie sich an die IT.',
      en: 'The sign-in service did not send all details ZeMAG needs about your account. Please contact IT.',
    },
  },
  'sso.department_unknown': {
    title: 'Department unknown',
    detail: {
      de: 'Ihre Dienststelle ist in ZeMAG nicht angelegt. Bitte wenden Sie sich an die IT.',
      en: 'Your department is not set up in ZeMAG. Please contact IT.',
    },
  },
  'sso.no_account': {
    title: 'No ZeMAG account',
    detail: {
      de: 'Für Ihr Dienstkonto gibt es kein ZeMAG-Konto. Bitte wenden Sie sich an die ZeMAG-Administration.',
      en: 'There is no ZeMAG account for your organisation account. Please contact the ZeMAG administrators.',
    },
  },
  'sso.account_disabled': {
    title: 'Account disabled',
    detail: {
      de: 'Ihr ZeMAG-Konto ist gesperrt.',
      en: 'Your ZeMAG account is disabled.',
    },
  },
  'demo.not_enabled': {
    title: 'Not a demo instance',
    detail: {
      de: 'Diese Instanz ist keine Demo: Bitte melden Sie sich mit Ihrem Konto an.',
      en: 'This instance is not a demo: please sign in with your account.',
    },
  },
  'demo.unknown_account': {
    title: 'Not a demo account',
    detail: {
      de: 'Das ist kein Demo-Konto. Bitte wählen Sie eines der angezeigten Konten.',
      en: 'That is not a demo account. Please choose one of the accounts shown.',
    },
  },
  'server.internal': {
    title: 'Internal server error',
    detail: {
      de: 'Ein interner Fehler ist aufgetreten. Ihre Daten wurden nicht verändert.',
      en: 'An internal error occurred. Your data was not changed.',
    },
  },
  'server.unavailable': {
    title: 'Service unavailable',
    detail: {
      de: 'Der Dienst ist gerade nicht verfügbar.',
      en: 'The service is unavailable right now.',
    },
  },
  'grant.user_not_activated': {
    title: 'Account not activated yet',
    detail: {
      de: 'Die Vergabe kann erst bestätigt werden, wenn die Person ihr Konto mit dem Aktivierungslink selbst eingerichtet hat (oder sich über Single Sign-on anmeldet).',
      en: 'The grant can be confirmed only once the person has set up their account with the activation link themselves (or signs in through single sign-on).',
    },
  },
  'activation.token_invalid': {
    title: 'Activation link invalid',
    detail: {
      de: 'Der Aktivierungslink ist ungültig, abgelaufen, ersetzt oder wurde schon benutzt. Bitten Sie die Administration um einen neuen Link.',
      en: 'The activation link is invalid, expired, replaced or already used. Ask your administrators for a new link.',
    },
  },
  'activation.already_activated': {
    title: 'Account already activated',
    detail: {
      de: 'Das Konto hat schon ein Passwort oder meldet sich über Single Sign-on an; ein Aktivierungslink wird dafür nicht ausgestellt.',
      en: 'The account already has a password or signs in through single sign-on; no activation link is issued for it.',
    },
  },
  'user.status_request_pending': {
    title: 'Request already open',
    detail: {
      de: 'Für dieses Konto wartet schon ein Antrag auf Sperren oder Entsperren auf Bestätigung.',
      en: 'A request to disable or enable this account is already waiting for confirmation.',
    },
  },
  'user.status_request_not_found': {
    title: 'No open request',
    detail: {
      de: 'Für dieses Konto wartet kein Antrag auf Sperren oder Entsperren.',
      en: 'No request to disable or enable this account is waiting.',
    },
  },
  'user.status_self_confirm': {
    title: 'Second person required',
    detail: {
      de: 'Den Antrag muss eine zweite Administratorin oder ein zweiter Administrator bestätigen, nicht wer ihn gestellt hat (Vier-Augen-Prinzip).',
      en: 'Another administrator must confirm the request, not the one who made it (four-eyes principle).',
    },
  },
  'request.headers_too_large': {
    title: 'Request header fields too large',
    detail: {
      de: 'Die Kopfzeilen der Anfrage sind zu groß (etwa zu viele oder zu große Cookies).',
      en: 'The request’s header fields are too large (for example too many or too large cookies).',
    },
  },
  'request.timeout': {
    title: 'Request timeout',
    detail: {
      de: 'Die Anfrage kam nicht rechtzeitig vollständig an.',
      en: 'The request did not arrive completely in time.',
    },
  },
  'request.wrong_host': {
    title: 'Misdirected request',
    detail: {
      de: 'Diese Adresse gehört nicht zu diesem Dienst. Bitte öffnen Sie ZeMAG unter seiner bekannten Adresse.',
      en: 'This address does not belong to this service. Please open ZeMAG at its known address.',
    },
  },
  // data-subject requests (Art. 15–18, 21 GDPR)
  'subject_request.received_in_future': {
    title: 'Receipt date in the future',
    detail: {
      de: 'Das Eingangsdatum darf nicht in der Zukunft liegen.',
      en: 'The date of receipt must not be in the future.',
    },
  },
  'subject_request.already_extended': {
    title: 'Already extended',
    detail: {
      de: 'Die Frist wurde bereits einmal verlängert; eine weitere Verlängerung ist nicht möglich.',
      en: 'The deadline has already been extended once; it cannot be extended again.',
    },
  },
  'subject_request.extension_too_long': {
    title: 'Extension not allowed',
    detail: {
      de: 'Die neue Frist muss nach der bisherigen liegen und darf sie um höchstens zwei Monate überschreiten (Art. 12 Abs. 3 DSGVO).',
      en: 'The new deadline must be after the current one and at most two months later (Art. 12(3) GDPR).',
    },
  },
  'subject_request.already_answered': {
    title: 'Already answered',
    detail: {
      de: 'Der Antrag ist bereits beantwortet.',
      en: 'The request has already been answered.',
    },
  },
  'subject_request.answer_date_invalid': {
    title: 'Answer date invalid',
    detail: {
      de: 'Das Antwortdatum muss zwischen dem Eingang des Antrags und heute liegen.',
      en: 'The answer date must lie between the receipt of the request and today.',
    },
  },
  'subject_request.not_erasure': {
    title: 'Not an erasure request',
    detail: {
      de: 'Das ist nur bei einem Antrag auf Löschung möglich.',
      en: 'This is only possible for an erasure request.',
    },
  },
  'subject_request.erasure_already_proposed': {
    title: 'Erasure already proposed',
    detail: {
      de: 'Die Löschung ist bereits vorgeschlagen; eine zweite Person der Registerstelle bestätigt sie.',
      en: 'The erasure has already been proposed; a second registrar confirms it.',
    },
  },
  'subject_request.erasure_not_proposed': {
    title: 'Erasure not proposed',
    detail: {
      de: 'Die Löschung muss zuerst vorgeschlagen werden.',
      en: 'The erasure must be proposed first.',
    },
  },
  'subject_request.same_registrar': {
    title: 'Four-eyes rule',
    detail: {
      de: 'Die Löschung bestätigt eine andere Person der Registerstelle als die, die sie vorgeschlagen hat.',
      en: 'The erasure is confirmed by a registrar other than the one who proposed it.',
    },
  },
  'subject_request.person_erased': {
    title: 'Person already erased',
    detail: {
      de: 'Die Daten der Person sind bereits gelöscht.',
      en: "The person's data have already been erased.",
    },
  },
  'subject_request.erasure_unavailable': {
    title: 'Erasure not available',
    detail: {
      de: 'Die Löschung ist in dieser Version noch nicht verfügbar.',
      en: 'Erasure is not available in this version yet.',
    },
  },
  'subject_request.export_unprintable': {
    title: 'Answer cannot be printed',
    detail: {
      de: 'Die Auskunft als PDF wurde nicht erstellt: Einige Zeichen kann sie nicht drucken (siehe die genannten Felder). Die Auskunft als JSON enthält alle Daten.',
      en: 'The PDF answer was not produced: some characters cannot be printed (see the fields named). The JSON answer contains all data.',
    },
  },
  // deletion (issue 11)
  'deletion.incident_grounds_listing': {
    title: 'Report grounds a listing',
    detail: {
      de: 'Die Meldung kann nicht gelöscht werden, solange ein Gefährdungshinweis auf ihr beruht.',
      en: 'The report cannot be deleted while a listing rests on it.',
    },
  },
  // Listing life cycle (issue 11): extension, restriction.
  'listing.extension_not_later': {
    title: 'Extension not later',
    detail: {
      de: 'Eine Verlängerung muss nach dem bisherigen Gültig-bis-Datum enden.',
      en: 'An extension must end after the current valid-until date.',
    },
  },
  'listing.extension_too_long': {
    title: 'Extension too long',
    detail: {
      de: 'Ein Eintrag darf höchstens 5 Jahre ab heute gelten. Für eine längere Dauer ist ein neuer Eintrag nötig.',
      en: 'A listing may run at most 5 years from today. A longer period needs a new listing.',
    },
  },
  'listing.extension_pending': {
    title: 'Extension already proposed',
    detail: {
      de: 'Für diesen Eintrag ist schon eine Verlängerung vorgeschlagen. Sie wird erst bestätigt oder zurückgezogen.',
      en: 'An extension of this listing has already been proposed. It is confirmed or withdrawn first.',
    },
  },
  'listing.extension_missing': {
    title: 'No extension proposed',
    detail: {
      de: 'Für diesen Eintrag ist keine Verlängerung vorgeschlagen (oder sie wurde schon entschieden).',
      en: 'No extension of this listing is proposed (or it has already been decided).',
    },
  },
  'listing.restricted': {
    title: 'Listing restricted',
    detail: {
      de: 'Der Eintrag ist eingeschränkt, solange ein Widerspruch geprüft wird. Ein Brief kann erst nach Aufhebung der Einschränkung erstellt werden.',
      en: 'The listing is restricted while a dispute is decided. A letter can be produced only once the restriction is lifted.',
    },
  },
  'listing.restriction_until_invalid': {
    title: 'Invalid restriction date',
    detail: {
      de: 'Das Datum, bis zu dem über die Einschränkung entschieden wird, muss in der Zukunft und vor dem Gültig-bis-Datum des Eintrags liegen.',
      en: 'The date by which the restriction is decided must lie in the future and before the listing’s valid-until date.',
    },
  },
  // issue 11: grants that lapse, purpose that means something (helper misc)
  'lookup.file_number_invalid': {
    title: 'File number not in the required form',
    detail: {
      de: 'Bitte geben Sie das Aktenzeichen des Vorgangs vollständig an, z. B. 32.1-2026/0815 oder OA 12-345/26 (mindestens 5 Zeichen, mit Ziffern; Platzhalter wie „-“ oder „123“ genügen nicht).',
      en: 'Please enter the full file number of the case, e.g. 32.1-2026/0815 or OA 12-345/26 (at least 5 characters, with digits; placeholders such as “-” or “123” are not enough).',
    },
  },
  // Corrections (Art. 16 GDPR)
  'correction.empty': {
    title: 'Nothing to correct',
    detail: {
      de: 'Die Berichtigung ändert nichts: Bitte mindestens einen Wert ändern.',
      en: 'The correction changes nothing: please change at least one value.',
    },
  },
  'correction.stale': {
    title: 'Changed in the meantime',
    detail: {
      de: 'Die Daten wurden inzwischen geändert. Bitte neu laden, prüfen und die Berichtigung erneut eingeben.',
      en: 'The data was changed in the meantime. Please reload, check and enter the correction again.',
    },
  },
  'incident.correction_breaks_listing': {
    title: 'Correction would remove the ground of a listing',
    detail: {
      de: 'Auf diesem Vorfall beruht ein vorgeschlagener oder aktiver Eintrag, der nach der Berichtigung keine Grundlage mehr hätte (Stufe 2 oder 3 mit Strafanzeige). Bitte zuerst den Eintrag beenden.',
      en: 'A proposed or active listing rests on this incident and would have no ground after the correction (level 2 or 3 with a criminal complaint). Please end the listing first.',
    },
  },
};

/** The message to show beside a field for an error that concerns exactly that field. */
export function fieldErrorMessage(code: ErrorCode): LocalizedText {
  return PROBLEM_MESSAGES[code].detail;
}
