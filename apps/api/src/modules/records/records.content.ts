import {
  AACHEN_LEVELS,
  FOUR_EYES_ROLES,
  INCIDENT_CATEGORIES,
  INCOMPATIBLE_ROLES,
  ROLES,
  type RecordsOfProcessing,
  type RecordsSetting,
  type Role,
} from '@zemag/contracts';
import type { Config } from '../../config.js';
import { localDate } from '../../local-date.js';
import { LETTER_DEFAULTS } from '../letters/letter.settings.js';
import { DEFAULT_LOOKUP_LIMIT } from '../lookup-limits/lookup-limits.policy.js';
import {
  DEFAULT_RETENTION_MONTHS,
  RETENTION_INTERVAL_SETTING,
  RETENTION_RULES,
  retentionSetting,
} from '../retention/retention.settings.js';
import type { AuthorisedDepartmentRow } from './records.repository.js';
import { LEGAL_BASIS_SETTING } from './records.settings.js';
import {
  CATEGORY_NAMES,
  DATA_CATEGORIES,
  LEVEL_NAMES,
  PERSON_CATEGORIES,
  PROCESSING_NAME,
  PURPOSES,
  RETENTION_TEXTS,
  ROLE_ACCESS,
  ROLE_NAMES,
} from './records.texts.js';

/** The part of the configuration the record states. */
export type RecordsConfig = Pick<
  Config,
  | 'env'
  | 'database'
  | 'publicUrl'
  | 'secureTransport'
  | 'session'
  | 'trustProxy'
  | 'timeZone'
  | 'grants'
  | 'mfa'
  | 'oidc'
  | 'listings'
  | 'demo'
  | 'visits'
  | 'lookup'
  | 'lookupLimit'
  | 'allowedHosts'
  | 'deletion'
  | 'audit'
  | 'retention'
  | 'records'
>;

/** What the database adds: the recipients as they are today. */
export type DatabaseEngine = 'pglite' | 'postgres';

export interface RecordsFacts {
  /** The database the server actually uses. */
  engine: DatabaseEngine;
  departments: AuthorisedDepartmentRow[];
  roleHolders: Record<string, number>;
}

const MFA_DEFAULT: readonly Role[] = ['field', 'registrar', 'dpo', 'control_room', 'admin'];

const months = (n: number) => `${n} ${n === 1 ? 'Monat' : 'Monate'}`;
const roleList = (roles: readonly Role[]) => roles.map((r) => ROLE_NAMES[r]).join(', ');

function item(
  code: string,
  label: string,
  value: string,
  setting: string | null,
  isDefault: boolean | null = null,
  startsFrom: string | null = null,
): RecordsSetting {
  return { code, label, value, startsFrom, setting, isDefault };
}

function retention(config: RecordsConfig): RecordsSetting[] {
  const rules = RETENTION_RULES.map((rule) => {
    const n = config.retention.months[rule];
    const text = RETENTION_TEXTS[rule] ?? { label: rule, startsFrom: '' };
    return item(
      rule,
      text.label,
      months(n),
      retentionSetting(rule),
      n === DEFAULT_RETENTION_MONTHS[rule],
      text.startsFrom,
    );
  });
  const { listings, visits } = config;
  return [
    item(
      'listing_validity',
      'Gültigkeit eines Eintrags (Ablauf von selbst, sofern nicht anders festgesetzt)',
      months(listings.validityMonths),
      'ZEMAG_LISTING_VALIDITY_MONTHS',
      listings.validityMonths === 24,
      'ab dem letzten Vorfall',
    ),
    item(
      'review_window',
      'Wiedervorlage vor Ablauf eines Eintrags',
      `${listings.reviewWindowDays} Tage`,
      'ZEMAG_REVIEW_WINDOW_DAYS',
      listings.reviewWindowDays === 30,
      'vor dem Ablaufdatum',
    ),
    ...rules,
    item(
      'visit_list',
      'Besuchsliste auf dem Diensthandy (verschlüsselt)',
      `${visits.keepHours} Stunden`,
      'ZEMAG_VISIT_LIST_HOURS',
      visits.keepHours === 10,
      'ab der Abfrage der Liste',
    ),
    item(
      'retention_job',
      'Löschlauf (löscht Fälliges, protokolliert ohne Inhalt)',
      `alle ${config.retention.intervalMinutes} Minuten`,
      RETENTION_INTERVAL_SETTING,
      config.retention.intervalMinutes === 60,
    ),
  ];
}

/** The engine actually in use (the app's database), with what the configuration says about it. */
function databaseText(engine: DatabaseEngine, database: RecordsConfig['database']): string {
  if (engine === 'pglite') {
    const where =
      database.kind === 'pglite'
        ? ` im Datenordner ${database.dataDir}, nur für den Benutzer des Servers lesbar (Ordner 0700, Dateien 0600)`
        : '';
    return `eingebettete PostgreSQL-Datenbank (PGlite)${where}`;
  }
  let host = '';
  if (database.kind === 'postgres') {
    try {
      const url = new URL(database.url);
      host = ` ${url.port ? `${url.hostname}:${url.port}` : url.hostname}`;
    } catch {
      // the configuration accepted it; the record then names no host
    }
  }
  return `PostgreSQL-Server${host}`;
}

function measures(config: RecordsConfig, engine: DatabaseEngine): RecordsSetting[] {
  const { session, mfa, oidc, grants, lookupLimit, audit } = config;
  const idle = session.idleMs / 60_000;
  const absolute = session.absoluteMs / 3_600_000;
  const secretKey = {
    key: 'Schlüssel aus ZEMAG_SECRET_KEY',
    file: 'Schlüsseldatei im Datenordner',
    ephemeral: 'Schlüssel nur für die Laufzeit des Prozesses (Testbetrieb)',
  }[mfa.secretKey.kind];
  const fieldFourEyes = grants.fieldFourEyes ? `, ${ROLE_NAMES.field}` : '';
  return [
    item(
      'operating_mode',
      'Betriebsart',
      config.demo
        ? 'Demo-Modus (fiktive Stadt Musterstadt, Anmeldung ohne zweiten Faktor) – nicht für echte Daten'
        : { production: 'Produktion', development: 'Entwicklung', test: 'Test' }[config.env],
      config.demo ? 'ZEMAG_DEMO' : 'NODE_ENV',
    ),
    item('database', 'Datenbank', databaseText(engine, config.database), 'DATABASE_URL'),
    item(
      'transport',
      'Transportverschlüsselung und Sitzungs-Cookie',
      config.secureTransport
        ? `HTTPS (${config.publicUrl.origin}); Cookie __Host-, Secure, HttpOnly, SameSite=Strict; HSTS`
        : `kein HTTPS (${config.publicUrl.origin}); Cookie HttpOnly, SameSite=Strict, ohne Secure; kein HSTS`,
      'ZEMAG_PUBLIC_URL',
    ),
    item(
      'allowed_hosts',
      'Prüfung des angesprochenen Host-Namens',
      config.allowedHosts ? config.allowedHosts.join(', ') : 'aus (ZEMAG_PUBLIC_URL nicht gesetzt)',
      'ZEMAG_ALLOWED_HOSTS',
    ),
    item(
      'trust_proxy',
      'Angaben eines vorgeschalteten Proxys (X-Forwarded-*)',
      config.trustProxy ? 'werden übernommen' : 'werden nicht übernommen',
      'ZEMAG_TRUST_PROXY',
      !config.trustProxy,
    ),
    item(
      'session_idle',
      'Sitzungsende ohne Aktivität',
      `${idle} Minuten`,
      'ZEMAG_SESSION_IDLE_MINUTES',
      idle === 30,
    ),
    item(
      'session_absolute',
      'Sitzungsende nach der Anmeldung',
      `${absolute} Stunden`,
      'ZEMAG_SESSION_ABSOLUTE_HOURS',
      absolute === 12,
    ),
    item(
      'mfa',
      'Zweiter Faktor (Passkey oder Authenticator-App) verpflichtend für',
      mfa.requiredRoles.length > 0 ? roleList(mfa.requiredRoles) : 'keine Rolle',
      'ZEMAG_MFA_REQUIRED_ROLES',
      mfa.requiredRoles.length === MFA_DEFAULT.length &&
        MFA_DEFAULT.every((r) => mfa.requiredRoles.includes(r)),
    ),
    item(
      'totp_secrets',
      'Verschlüsselung der TOTP-Geheimnisse (AES-256-GCM)',
      secretKey,
      'ZEMAG_SECRET_KEY',
    ),
    item(
      'passwords',
      'Passwörter',
      'argon2id; 12–128 Zeichen, bekannte und triviale Passwörter abgelehnt; wachsende Wartezeit nach Fehlversuchen; Administratoren setzen keine Passwörter',
      null,
    ),
    item(
      'sso',
      'Single Sign-on (OpenID Connect)',
      oidc
        ? `an: ${oidc.issuer.origin}; zweiter Faktor des Anbieters wird ${oidc.trustMfa ? 'anerkannt' : 'nicht anerkannt'}`
        : 'aus',
      'ZEMAG_OIDC_ISSUER',
    ),
    item(
      'four_eyes',
      'Vier-Augen-Prinzip bei der Vergabe der Rollen',
      `${roleList(FOUR_EYES_ROLES)}${fieldFourEyes}; Einträge: Vorschlag und Aktivierung durch zwei verschiedene Personen`,
      'ZEMAG_FIELD_GRANT_FOUR_EYES',
      grants.fieldFourEyes,
    ),
    item(
      'role_separation',
      'Unvereinbare Rollen (Trennung der Aufgaben)',
      INCOMPATIBLE_ROLES.map(([a, b]) => `${ROLE_NAMES[a]} / ${ROLE_NAMES[b]}`).join('; '),
      null,
    ),
    item(
      'recertification',
      'Rezertifizierung der Rollen',
      `alle ${months(grants.recertifyMonths)}; ${grants.recertifyGraceDays} Tage überfällig: Rolle ruht`,
      'ZEMAG_GRANT_RECERTIFY_MONTHS',
      grants.recertifyMonths === 12 && grants.recertifyGraceDays === 30,
    ),
    item(
      'lookup_purpose',
      'Zweckbindung jeder Abfrage',
      `Grund aus ${config.lookup.reasons.length} Vorgaben und Aktenzeichen nach dem Muster ${config.lookup.fileNumberPattern.source}`,
      'ZEMAG_LOOKUP_REASONS',
    ),
    item(
      'lookup_limit',
      'Begrenzung der Abfragen je Person',
      lookupLimit
        ? `${lookupLimit.burst} in Folge, danach ${lookupLimit.perHour} je Stunde (Registerstelle ausgenommen)`
        : 'aus',
      'ZEMAG_LOOKUP_RATE_BURST',
      lookupLimit?.burst === DEFAULT_LOOKUP_LIMIT.burst &&
        lookupLimit.perHour === DEFAULT_LOOKUP_LIMIT.perHour,
    ),
    item(
      'audit_log',
      'Protokoll',
      'jeder Lese- und Schreibzugriff auf Registerdaten in derselben Transaktion; nur anhängbar, Hash-Kette',
      null,
    ),
    item(
      'audit_checkpoints',
      'Signierte Kontrollpunkte des Protokolls (Ed25519)',
      audit.signingKeyFile
        ? `an: alle ${audit.checkpointMinutes} Minuten in ${audit.checkpointsFile}`
        : 'aus: kein Signaturschlüssel konfiguriert',
      'ZEMAG_AUDIT_SIGNING_KEY_FILE',
    ),
    item(
      'deletion_ledger',
      'Löschregister außerhalb der Datenbank (Gelöschtes bleibt nach einer Wiederherstellung gelöscht)',
      config.deletion.ledgerFile,
      'ZEMAG_DELETION_LEDGER',
    ),
    item(
      'no_store',
      'Keine Zwischenspeicherung',
      'Antworten der API mit Cache-Control: no-store; keine Registerdaten in Adressen oder Server-Logs',
      null,
    ),
  ];
}

/** Points the configuration leaves open: for the DPO, before the record goes into the city's. */
function notes(config: RecordsConfig): RecordsOfProcessing['notes'] {
  const out: RecordsOfProcessing['notes'] = [];
  const add = (code: string, text: string) => out.push({ code, text });
  if (config.records.legalBasisIsDefault)
    add(
      'legal_basis_default',
      `Die Rechtsgrundlage ist der mitgelieferte Standardtext: von der oder dem Datenschutzbeauftragten zu prüfen und mit ${LEGAL_BASIS_SETTING} festzulegen.`,
    );
  if (config.listings.letterhead.cityName === LETTER_DEFAULTS.ZEMAG_CITY_NAME)
    add('city_default', 'Verantwortliche Stelle: ZEMAG_CITY_NAME ist nicht gesetzt (Musterstadt).');
  if (config.demo) add('demo', 'Der Server läuft im Demo-Modus: keine echten Daten verarbeiten.');
  if (!config.secureTransport) add('no_https', 'Der Server ist nicht über HTTPS erreichbar.');
  if (!config.audit.signingKeyFile)
    add('no_signing_key', 'Das Protokoll wird nicht durch signierte Kontrollpunkte gesichert.');
  const withoutMfa = ROLES.filter((r) => r !== 'reporter' && !config.mfa.requiredRoles.includes(r));
  if (withoutMfa.length > 0)
    add('mfa_gaps', `Kein zweiter Faktor verpflichtend für: ${roleList(withoutMfa)}.`);
  if (!config.lookupLimit) add('lookup_limit_off', 'Abfragen sind nicht mengenmäßig begrenzt.');
  return out;
}

/** The record, from the configuration and today's recipients; `now` dates it. */
export function buildRecords({
  config,
  facts,
  now,
}: {
  config: RecordsConfig;
  facts: RecordsFacts;
  now: Date;
}): RecordsOfProcessing {
  const letterhead = config.listings.letterhead;
  const categories = INCIDENT_CATEGORIES.map((c) => CATEGORY_NAMES[c] ?? c).join(', ');
  return {
    generatedAt: now.toISOString(),
    date: localDate(now, config.timeZone),
    controller: {
      name: `Stadt ${letterhead.cityName}`,
      office: letterhead.senderOffice,
      address: letterhead.senderAddress,
      contact: letterhead.contact,
      dpoContact: letterhead.dpoContact,
      supervisoryAuthority: letterhead.supervisoryAuthority,
    },
    processing: { name: PROCESSING_NAME, purposes: [...PURPOSES] },
    legalBasis: {
      paragraphs: config.records.legalBasis,
      isDefault: config.records.legalBasisIsDefault,
      setting: LEGAL_BASIS_SETTING,
    },
    personCategories: PERSON_CATEGORIES.map((c) => ({ ...c })),
    dataCategories: [
      { title: 'Personen', items: [...DATA_CATEGORIES.person] },
      {
        title: 'Meldungen und Vorfälle',
        items: [
          ...DATA_CATEGORIES.incident,
          `Kategorien: ${categories}`,
          ...AACHEN_LEVELS.map((level) => LEVEL_NAMES[level] ?? `Stufe ${level}`),
        ],
      },
      {
        title: 'Einträge (Gefährdungshinweise)',
        items: [
          ...DATA_CATEGORIES.listing,
          `Vorsichtsmaßnahmen aus dem Katalog: ${config.listings.precautions.map((p) => p.de).join('; ')}; dazu Freitext`,
        ],
      },
      {
        title: 'Abfragen und Besuchslisten',
        items: [
          ...DATA_CATEGORIES.lookup,
          `Abfragegründe: ${config.lookup.reasons.map((r) => r.de).join('; ')}`,
        ],
      },
      { title: 'Konten und Protokoll', items: [...DATA_CATEGORIES.account] },
    ],
    recipients: {
      departments: facts.departments,
      roles: ROLES.map((role) => ({
        role,
        access: ROLE_ACCESS[role],
        holders: facts.roleHolders[role] ?? 0,
      })),
      transfers: config.oidc
        ? `ZeMAG übermittelt keine Registerdaten an Stellen außerhalb der Stadtverwaltung. Für die Anmeldung tauscht der Server Anmeldedaten mit dem Identitätsanbieter ${config.oidc.issuer.origin} aus; ob dabei Daten in ein Drittland gelangen, prüft die Stadt.`
        : 'ZeMAG übermittelt keine Daten an Stellen außerhalb der Stadtverwaltung und in kein Drittland.',
    },
    retention: retention(config),
    measures: measures(config, facts.engine),
    notes: notes(config),
  };
}
