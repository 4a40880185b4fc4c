import type { ErrorCode } from './errors.js';

/** German text of every error code: shown by the web app and sent as `detail.de` by the API. */
export const ERROR_TEXTS_DE: Record<ErrorCode, string> = {
  'request.invalid': 'Die Eingabe ist nicht gültig. Bitte prüfen Sie die markierten Felder.',
  'request.malformed_body': 'Die Anfrage konnte nicht gelesen werden.',
  'request.unsupported_media_type': 'Dieses Datenformat wird nicht angenommen.',
  'request.body_too_large': 'Die Anfrage ist zu groß.',
  'request.cross_origin': 'Anfragen von fremden Seiten werden abgelehnt.',
  'request.rate_limited':
    'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  'resource.not_found': 'Nicht gefunden.',
  'auth.unauthenticated': 'Bitte melden Sie sich an.',
  'auth.forbidden': 'Dafür fehlt Ihnen die Berechtigung.',
  'auth.invalid_credentials': 'Benutzername oder Passwort ist falsch.',
  'auth.throttled':
    'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie kurz, bevor Sie es erneut versuchen.',
  'auth.second_factor_required': 'Bitte bestätigen Sie die Anmeldung mit Ihrem zweiten Faktor.',
  'mfa.invalid_code':
    'Der Code stimmt nicht oder ist abgelaufen. Bitte geben Sie den aktuellen Code ein.',
  'mfa.code_reused': 'Dieser Code wurde schon verwendet. Bitte warten Sie auf den nächsten Code.',
  'mfa.throttled': 'Zu viele falsche Codes. Bitte warten Sie einen Moment.',
  'mfa.enrolment_not_allowed':
    'Bitte bestätigen Sie zuerst die Anmeldung mit einem vorhandenen Faktor.',
  'mfa.enrolment_expired': 'Die Einrichtung hat zu lange gedauert. Bitte beginnen Sie erneut.',
  'mfa.passkey_failed': 'Der Passkey wurde nicht angenommen. Bitte versuchen Sie es erneut.',
  'mfa.factor_not_found': 'Diesen zweiten Faktor gibt es nicht.',
  'mfa.last_factor':
    'Der letzte Anmeldefaktor kann nicht entfernt werden, solange Ihre Rolle einen zweiten Faktor verlangt. Richten Sie zuerst einen anderen ein.',
  'password.too_common':
    'Dieses Passwort ist zu verbreitet oder zu einfach. Wählen Sie z. B. einen Satz aus mehreren Wörtern.',
  'password.contains_username': 'Das Passwort darf den Benutzernamen nicht enthalten.',
  'import.too_many_rows': 'Die Datei hat zu viele Zeilen (höchstens 50.000).',
  'setup.token_invalid':
    'Der Einrichtungslink ist ungültig, abgelaufen oder wurde schon benutzt. Ein Neustart des Servers erzeugt einen neuen Link.',
  'setup.already_completed':
    'Die Einrichtung ist bereits abgeschlossen; es gibt schon ein Administrationskonto.',
  'user.username_taken': 'Dieser Benutzername ist bereits vergeben.',
  'user.not_found': 'Dieses Benutzerkonto gibt es nicht.',
  'user.self_change': 'Ihr eigenes Konto können Sie hier nicht ändern.',
  'department.code_taken': 'Dieses Kürzel ist bereits für eine andere Dienststelle vergeben.',
  'department.unknown': 'Diese Dienststelle gibt es nicht.',
  'department.parent_cycle':
    'Eine Dienststelle kann nicht unter sich selbst oder einer ihrer Unterstellen stehen.',
  'department.has_members': 'Der Dienststelle sind noch Personen zugeordnet.',
  'grant.self_grant': 'Niemand kann sich selbst Rollen geben oder eigene Rollen bestätigen.',
  'grant.already_held': 'Diese Rolle ist bereits vergeben oder beantragt.',
  'grant.incompatible_roles':
    'Diese Rolle verträgt sich nicht mit einer anderen Rolle der Person (Funktionstrennung).',
  'grant.department_not_authorised':
    'Die Dienststelle ist nicht für Auskünfte freigegeben; die Rolle „Außendienst“ ist dort nicht möglich.',
  'grant.user_disabled': 'Das Benutzerkonto ist gesperrt.',
  'grant.not_found': 'Diese Rollenvergabe gibt es nicht.',
  'grant.self_confirm':
    'Die Vergabe muss eine zweite Administratorin oder ein zweiter Administrator bestätigen (Vier-Augen-Prinzip).',
  'grant.not_pending': 'Diese Rollenvergabe wartet nicht mehr auf eine Bestätigung.',
  'grant.last_admin': 'Die letzte aktive Administration kann nicht entfernt werden.',
  'grant.end_in_past': 'Das Enddatum darf nicht in der Vergangenheit liegen.',
  'grant.ended':
    'Die Rolle ist über ihr Enddatum hinaus und kann nicht rezertifiziert werden. Vergeben Sie sie neu.',
  'idempotency.key_required':
    'Dieser Aufruf braucht einen Idempotency-Key (UUID), damit eine Wiederholung nur einmal gespeichert wird.',
  'idempotency.key_reused': 'Dieser Idempotency-Key wurde schon für eine andere Meldung verwendet.',
  'idempotency.in_flight':
    'Diese Meldung wird gerade schon gespeichert. Bitte einen Moment warten.',
  'incident.incomplete':
    'Die Meldung ist noch unvollständig: Bitte Stufe und Art des Vorfalls angeben.',
  'incident.in_future': 'Der Zeitpunkt des Vorfalls liegt in der Zukunft.',
  'incident.not_amendable': 'Diese Meldung kann nicht mehr geändert werden.',
  'incident.wrong_status': 'Das ist im aktuellen Stand der Meldung nicht möglich.',
  'incident.own_report':
    'Bei eigenen Meldungen handelt eine andere Person der Registerstelle (Prüfung, Personen, Einträge).',
  'person.not_found': 'Diese Person gibt es im Register nicht.',
  'person.merge_same': 'Eine Person kann nicht mit sich selbst zusammengeführt werden.',
  'listing.no_confirmed_incident':
    'Ein Eintrag braucht mindestens einen bestätigten Vorfall mit dieser Person.',
  'listing.level_too_low': 'Ein Eintrag braucht einen bestätigten Vorfall der Stufe 2 oder 3.',
  'listing.no_criminal_complaint':
    'Ein Eintrag braucht einen Vorfall der Stufe 2 oder 3, zu dem Strafanzeige erstattet wurde.',
  'listing.incident_other_person': 'Mindestens ein gewählter Vorfall betrifft diese Person nicht.',
  'listing.already_listed':
    'Für diese Person gibt es schon einen vorgeschlagenen oder aktiven Eintrag.',
  'listing.same_registrar':
    'Einen Eintrag oder seine Verlängerung bestätigt eine andere Person der Registerstelle als die, die ihn vorgeschlagen hat.',
  'listing.wrong_status': 'Das ist im aktuellen Stand des Eintrags nicht möglich.',
  'listing.valid_until_invalid':
    'Das Gültig-bis-Datum muss in der Zukunft und höchstens 5 Jahre entfernt liegen.',
  'listing.precaution_unknown': 'Diese Schutzmaßnahme steht nicht im Katalog.',
  'listing.notification_date_invalid':
    'Der Brief kann nicht an einem künftigen Tag versandt sein; eine Wiedervorlage muss in der Zukunft liegen.',
  'listing.letter_unprintable':
    'Der Brief wurde nicht erstellt: Einige Zeichen kann er nicht drucken (siehe die genannten Felder). Bitte die Schreibweise im Register prüfen, etwa die lateinische Schreibweise aus dem Pass, oder den Brief von Hand schreiben.',
  'statistics.period_reversed':
    'Der Monat „bis“ liegt vor dem Monat „von“. Bitte prüfen Sie den Zeitraum.',
  'statistics.period_too_long': 'Der Zeitraum darf höchstens 120 Monate (zehn Jahre) umfassen.',
  'lookup.reason_unknown': 'Bitte wählen Sie einen Grund für die Abfrage aus der Liste.',
  'lookup.query_too_vague': 'Bitte geben Sie einen Nachnamen mit Buchstaben oder eine Straße an.',
  'visit_list.empty':
    'Die Besuchsliste ist leer. Bitte fügen Sie mindestens einen Namen oder eine Adresse ein.',
  'visit_list.too_many_entries':
    'Die Besuchsliste hat zu viele Einträge (höchstens 100 je Liste). Bitte teilen Sie sie auf.',
  'sso.not_configured': 'Die Anmeldung mit Dienstkonto ist nicht eingerichtet.',
  'sso.provider_unavailable':
    'Der Anmeldedienst der Verwaltung ist gerade nicht erreichbar. Bitte später erneut versuchen oder mit Benutzername und Passwort anmelden.',
  'sso.expired':
    'Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Bitte erneut anmelden.',
  'sso.cancelled': 'Die Anmeldung mit Dienstkonto wurde abgebrochen.',
  'sso.failed': 'Die Anmeldung mit Dienstkonto ist fehlgeschlagen. Bitte erneut versuchen.',
  'sso.claims_missing':
    'Der Anmeldedienst hat nicht alle nötigen Angaben zu Ihrem Konto geliefert. Bitte wenden Sie sich an die IT.',
  'sso.department_unknown':
    'Ihre Dienststelle ist in ZeMAG nicht angelegt. Bitte wenden Sie sich an die IT.',
  'sso.no_account':
    'Für Ihr Dienstkonto gibt es kein ZeMAG-Konto. Bitte wenden Sie sich an die ZeMAG-Administration.',
  'sso.account_disabled':
    'Ihr ZeMAG-Konto ist gesperrt. Bitte wenden Sie sich an die ZeMAG-Administration.',
  'demo.not_enabled': 'Diese Instanz ist keine Demo. Bitte melden Sie sich mit Ihrem Konto an.',
  'demo.unknown_account': 'Das ist kein Demo-Konto. Bitte wählen Sie eines der angezeigten Konten.',
  'server.internal': 'Ein interner Fehler ist aufgetreten. Ihre Daten wurden nicht verändert.',
  'server.unavailable':
    'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.',
  'grant.user_not_activated':
    'Die Vergabe kann erst bestätigt werden, wenn die Person ihr Konto mit dem Aktivierungslink selbst eingerichtet hat (oder sich über Single Sign-on anmeldet).',
  'activation.token_invalid':
    'Der Aktivierungslink ist ungültig, abgelaufen, ersetzt oder wurde schon benutzt. Bitten Sie die Administration um einen neuen Link.',
  'activation.already_activated':
    'Das Konto hat schon ein Passwort oder meldet sich über Single Sign-on an; ein Aktivierungslink wird dafür nicht ausgestellt.',
  'user.status_request_pending':
    'Für dieses Konto wartet schon ein Antrag auf Sperren oder Entsperren auf Bestätigung.',
  'user.status_request_not_found':
    'Für dieses Konto wartet kein Antrag auf Sperren oder Entsperren.',
  'user.status_self_confirm':
    'Den Antrag muss eine zweite Person aus der Administration bestätigen, nicht wer ihn gestellt hat.',
  'request.headers_too_large':
    'Die Kopfzeilen der Anfrage sind zu groß (etwa zu viele oder zu große Cookies).',
  'request.timeout': 'Die Anfrage kam nicht rechtzeitig an. Bitte versuchen Sie es erneut.',
  'request.wrong_host':
    'Diese Adresse gehört nicht zu diesem Dienst. Bitte öffnen Sie ZeMAG unter seiner bekannten Adresse.',
  'subject_request.received_in_future': 'Das Eingangsdatum darf nicht in der Zukunft liegen.',
  'subject_request.already_extended':
    'Die Frist wurde bereits einmal verlängert; eine weitere Verlängerung ist nicht möglich.',
  'subject_request.extension_too_long':
    'Die neue Frist muss nach der bisherigen liegen und darf sie um höchstens zwei Monate überschreiten (Art. 12 Abs. 3 DSGVO).',
  'subject_request.already_answered': 'Der Antrag ist bereits beantwortet.',
  'anomaly.already_reviewed':
    'Diese Auffälligkeit wurde bereits geprüft (von jemand anderem oder in einem anderen Fenster).',
  'subject_request.answer_date_invalid':
    'Das Antwortdatum muss zwischen dem Eingang des Antrags und heute liegen.',
  'subject_request.not_erasure': 'Das ist nur bei einem Antrag auf Löschung möglich.',
  'subject_request.erasure_already_proposed':
    'Die Löschung ist bereits vorgeschlagen; eine zweite Person der Registerstelle bestätigt sie.',
  'subject_request.erasure_not_proposed': 'Die Löschung muss zuerst vorgeschlagen werden.',
  'subject_request.same_registrar':
    'Die Löschung bestätigt eine andere Person der Registerstelle als die, die sie vorgeschlagen hat.',
  'subject_request.person_erased': 'Die Daten der Person sind bereits gelöscht.',
  'subject_request.erasure_unavailable': 'Die Löschung ist in dieser Version noch nicht verfügbar.',
  'subject_request.export_unprintable':
    'Die Auskunft als PDF wurde nicht erstellt: Einige Zeichen kann sie nicht drucken (siehe die genannten Felder). Die Auskunft als JSON enthält alle Daten.',
  'deletion.incident_grounds_listing':
    'Die Meldung kann nicht gelöscht werden, solange ein Gefährdungshinweis auf ihr beruht.',
  'listing.extension_not_later':
    'Eine Verlängerung muss nach dem bisherigen Gültig-bis-Datum enden.',
  'listing.extension_too_long':
    'Ein Eintrag darf höchstens 5 Jahre ab heute gelten. Für eine längere Dauer ist ein neuer Eintrag nötig.',
  'listing.extension_pending':
    'Für diesen Eintrag ist schon eine Verlängerung vorgeschlagen. Sie wird erst bestätigt oder zurückgezogen.',
  'listing.extension_missing':
    'Für diesen Eintrag ist keine Verlängerung vorgeschlagen (oder sie wurde schon entschieden).',
  'listing.restricted':
    'Der Eintrag ist eingeschränkt, solange ein Widerspruch geprüft wird. Ein Brief kann erst nach Aufhebung der Einschränkung erstellt werden.',
  'listing.restriction_until_invalid':
    'Das Datum, bis zu dem über die Einschränkung entschieden wird, muss in der Zukunft und vor dem Gültig-bis-Datum des Eintrags liegen.',
  'lookup.file_number_invalid':
    'Bitte geben Sie das Aktenzeichen des Vorgangs vollständig an, z. B. 32.1-2026/0815 oder OA 12-345/26 (mindestens 5 Zeichen, mit Ziffern; Platzhalter wie „-“ oder „123“ genügen nicht).',
  'correction.empty': 'Die Berichtigung ändert nichts: Bitte mindestens einen Wert ändern.',
  'correction.stale':
    'Die Daten wurden inzwischen geändert. Bitte neu laden, prüfen und die Berichtigung erneut eingeben.',
  'incident.correction_breaks_listing':
    'Auf dieser Meldung beruht ein vorgeschlagener oder aktiver Eintrag, der nach der Berichtigung keine Grundlage mehr hätte (Stufe 2 oder 3 mit Strafanzeige). Bitte zuerst den Eintrag beenden.',
  'lookup.rate_limited':
    'Zu viele Abfragen in kurzer Zeit. Die nächste Abfrage ist in {{wait}} möglich. Bis dahin ist offen, ob ein Eintrag besteht: Seien Sie im Zweifel vorsichtig.',
  'visit_list.rate_limited':
    'Zu viele Abfragen in kurzer Zeit: Jeder Eintrag der Liste zählt als eine Abfrage. Diese Liste kann in {{wait}} geprüft werden, eine kürzere Liste oder einzelne Abfragen eventuell früher.',
  'alarm.already_acknowledged':
    'Dieser Alarm wurde bereits übernommen (von jemand anderem oder in einem anderen Fenster).',
  'alarm.closed': 'Dieser Alarm ist bereits geschlossen.',
  'alarm.pins_not_set':
    'Es ist noch keine Alarm-PIN festgelegt. Die Leitstelle kann den Alarm schließen; bitte rufen Sie sie an.',
  'alarm.pins_same': 'Die Bedrohungs-PIN muss sich von der Alarm-PIN unterscheiden.',
  'alarm.pin_wrong': 'Die PIN ist nicht richtig.',
  'alarm.pin_throttled':
    'Zu viele falsche PIN-Eingaben. Die nächste Eingabe ist in {{wait}} möglich. Der Alarm bleibt bis dahin bestehen.',
};
