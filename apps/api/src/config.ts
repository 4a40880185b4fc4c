import type { AnomalySettings } from './modules/anomalies/anomalies.rules.js';
import { readAnomalySettings } from './modules/anomalies/anomalies.settings.js';
import path from 'node:path';
import { DEFAULT_LOOKUP_REASONS, ROLES, type Role } from '@zemag/contracts';
import { z } from 'zod';
import {
  LetterSettingsError,
  readLetterheadSettings,
  type LetterheadSettings,
} from './modules/letters/letter.settings.js';
import { testLedgerFile } from './modules/deletion/ledger-file.js';
import { readAuditSettings, type AuditSettings } from './modules/audit/audit.settings.js';
import {
  readDataKeySettings,
  type DataKeySettings,
} from './modules/encryption/data-key.settings.js';
import { readCatalogue, type CatalogueEntry } from './config-catalogue.js';
import { readListingSettings, type ListingConfig } from './modules/listings/listings.settings.js';
import { readOidcSettings, type OidcSettings } from './modules/sso/sso.settings.js';
import { readFileNumberPattern } from './modules/lookup/file-number.js';
import type { LookupLimitSettings } from './modules/lookup-limits/lookup-limits.policy.js';
import { readLookupLimitSettings } from './modules/lookup-limits/lookup-limits.settings.js';
import { readRecordsSettings, type RecordsSettings } from './modules/records/records.settings.js';
import {
  readRetentionSettings,
  type RetentionSettings,
} from './modules/retention/retention.settings.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const booleanFlagDefault = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default(fallback ? 'true' : 'false')
    .transform((v) => (v === '' ? fallback : v === 'true' || v === '1'));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting ZeMAG reads, each from one environment variable. The README's configuration
 * table mirrors this list; nothing else in the code reads `process.env`.
 */
const EnvSchema = z.object({
  /** `production` refuses insecure settings. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('localhost'),
  /** TCP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Folder of the embedded database (and its lock file). */
  ZEMAG_DATA_DIR: z.string().min(1).default('./data'),
  /** The address users open; used for the setup link and to decide on secure cookies. */
  ZEMAG_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Minutes without a request after which a session ends; at most 30 (BSI). */
  ZEMAG_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(30, 'at most 30 minutes: an unattended session must end soon (BSI recommends 30 at most)')
    .default(30),
  /** Hours after sign-in after which a session ends regardless of activity; at most 12. */
  ZEMAG_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .max(12, 'at most 12 hours: one working day, then sign in again')
    .default(12),
  /** Trust X-Forwarded-* headers (only behind your own reverse proxy). */
  ZEMAG_TRUST_PROXY: booleanFlag,
  /** Folder with the built web app; defaults to apps/web/dist. */
  ZEMAG_WEB_DIR: z.string().min(1).optional(),
  /** Time zone of the city: grant end dates and deadlines are its calendar dates. */
  ZEMAG_TIMEZONE: z
    .string()
    .default('Europe/Berlin')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
  /** Months after which a role grant must be re-certified by an administrator. */
  ZEMAG_GRANT_RECERTIFY_MONTHS: positiveInt(12),
  /** Days a re-certification may be overdue before the grant stops working until recertified. */
  ZEMAG_GRANT_RECERTIFY_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** A `field` grant waits for a second administrator's confirmation (four-eyes). */
  ZEMAG_FIELD_GRANT_FOUR_EYES: booleanFlagDefault(true),
  /** Hours an activation link (employee sets their own password) stays valid, 1–720. */
  ZEMAG_ACTIVATION_LINK_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /** Roles that must prove a second factor (comma list; empty = none). */
  ZEMAG_MFA_REQUIRED_ROLES: z
    .string()
    .default('field,registrar,dpo,control_room,admin')
    .transform((v) =>
      v
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
    )
    .refine((roles) => roles.every((r) => (ROLES as readonly string[]).includes(r)), {
      message: `unknown role; known roles: ${ROLES.join(', ')}`,
    }),
  /** 32 random bytes, base64: encrypts TOTP secrets at rest (AES-256-GCM). */
  ZEMAG_SECRET_KEY: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
    ),
  /** Single sign-on: the OpenID Connect issuer URL (SSO is off unless this and the client id are set). */
  ZEMAG_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** Single sign-on: the client id registered at the identity provider. */
  ZEMAG_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Single sign-on: the client secret (confidential client); without it ZeMAG is a public client with PKCE. */
  ZEMAG_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Single sign-on: scopes requested, separated by spaces. */
  ZEMAG_OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  /** Single sign-on: text of the button on the sign-in page. */
  ZEMAG_OIDC_LABEL: z.string().min(1).default('Mit Dienstkonto anmelden'),
  /** Single sign-on: the claim holding the ZeMAG user name. */
  ZEMAG_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  /** Single sign-on: the claim holding the department code (optional). */
  ZEMAG_OIDC_DEPARTMENT_CLAIM: z.string().min(1).optional(),
  /** Single sign-on: the claim holding the user's groups. */
  ZEMAG_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** Single sign-on: JSON role → group(s), e.g. {"field":"zemag-aussendienst"}; roles then follow the groups. */
  ZEMAG_OIDC_ROLE_GROUPS: z.string().optional(),
  /** Single sign-on: the first sign-in creates the account (as reporter); false links existing accounts only. */
  ZEMAG_OIDC_CREATE_USERS: booleanFlagDefault(true),
  /** Single sign-on: an `amr` claim with mfa/otp/hwk/swk counts as the second factor. */
  ZEMAG_OIDC_TRUST_MFA: booleanFlag,
  /**
   * Demo mode: seeds the fictional city Musterstadt into an empty database, offers one-click
   * sign-in as its demo accounts and needs no second factor; refused in production.
   */
  ZEMAG_DEMO: booleanFlag,
  /** Months a listing stays valid after its latest incident, unless the registrar sets a date. */
  ZEMAG_LISTING_VALIDITY_MONTHS: positiveInt(24),
  /** Precaution catalogue as JSON [{"code","de","en"}, …]; German defaults otherwise. */
  ZEMAG_PRECAUTIONS: z.string().optional(),
  // Listing life cycle (issue 11).
  /** Days before a listing's valid-until date from which it is due for review (1–365). */
  ZEMAG_REVIEW_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Hours a visit list may be kept on the phone (end of the shift), 1–24. */
  ZEMAG_VISIT_LIST_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  ZEMAG_LOOKUP_REASONS: z.string().optional(),
  /** Regular expression a look-up's file number must match; must refuse "-", "x" and "123". */
  ZEMAG_FILE_NUMBER_PATTERN: z.string().optional(),
  /** Look-ups a user may make in a row (a visit list counts one per entry), at least 100; `off`: none. */
  ZEMAG_LOOKUP_RATE_BURST: z.string().optional(),
  /** Look-ups that come back per hour after the burst is spent, up to the burst. */
  ZEMAG_LOOKUP_RATE_PER_HOUR: z.string().optional(),
  /** API documentation (Swagger UI at /api/docs, /api/openapi.json); default on except in production. */
  ZEMAG_API_DOCS: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** More host names the server answers to besides the public URL's (comma list). */
  ZEMAG_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase().replace(/\.$/, ''))
        .filter((h) => h !== ''),
    )
    .refine((hosts) => hosts.every((h) => /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(h)), {
      message: 'host names only (no scheme, port or path), separated by commas',
    }),
  // deletion (issue 11)
  /**
   * The deletion ledger (append-only file outside the database); required with DATABASE_URL,
   * otherwise `<ZEMAG_DATA_DIR>/deletion-ledger.jsonl`.
   */
  ZEMAG_DELETION_LEDGER: z.string().min(1).optional(),
  /** Ed25519 private key (PEM) that signs audit checkpoints; required in production. */
  ZEMAG_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  /** The file signed audit checkpoints are appended to; default `<ZEMAG_DATA_DIR>/audit-checkpoints.jsonl`. */
  ZEMAG_AUDIT_CHECKPOINTS: z.string().optional(),
  /** Minutes between signed checkpoints of the audit chain (when it moved), 1–1440. */
  ZEMAG_AUDIT_CHECKPOINT_MINUTES: z.string().optional(),
  /**
   * The legal basis stated in the record of processing activities (Art. 30 GDPR), paragraphs
   * separated by `|`; default: the usual bases, marked in the record as still to be checked.
   */
  ZEMAG_RECORDS_LEGAL_BASIS: z.string().optional(),
  /** 32 random bytes (base64 or hex) in a file: wraps the keys that encrypt narratives and notes. */
  ZEMAG_DATA_KEY_FILE: z.string().optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  publicUrl: URL;
  /** True when the public URL is https: cookies get `Secure` and the `__Host-` prefix, HSTS is sent. */
  secureTransport: boolean;
  session: { idleMs: number; absoluteMs: number };
  trustProxy: boolean;
  webDir: string;
  timeZone: string;
  grants: {
    recertifyMonths: number;
    fieldFourEyes: boolean;
    activationLinkHours: number;
    /** ZEMAG_GRANT_RECERTIFY_GRACE_DAYS */
    recertifyGraceDays: number;
  };
  mfa: { requiredRoles: Role[]; secretKey: SecretKeySource };
  /** WebAuthn relying party, derived from the public URL. */
  webauthn: { rpId: string; rpName: string; origin: string };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** OpenID Connect single sign-on, or null when it is off. */
  oidc: OidcSettings | null;
  /** Listing validity, the precaution catalogue and the notification letter's letterhead. */
  listings: ListingConfig & { letterhead: LetterheadSettings };
  /** Demo mode (Musterstadt, one-click demo sign-in); never true in production. */
  demo: boolean;
  /** Visit lists: how long a copy may be kept on the phone after the list was checked. */
  visits: { keepHours: number };
  /** The reasons a look-up may state (ZEMAG_LOOKUP_REASONS), the file number's form. */
  lookup: { reasons: CatalogueEntry[]; fileNumberPattern: RegExp };
  /** Look-ups per user (ZEMAG_LOOKUP_RATE_*), or null when off; registrars are not limited. */
  lookupLimit: LookupLimitSettings | null;
  /** Serve the API documentation (Swagger UI and the OpenAPI document). */
  apiDocs: boolean;
  /**
   * Host names a request may be addressed to (lower case, no port), or null when any is
   * accepted: set when ZEMAG_PUBLIC_URL is, from its host, ZEMAG_ALLOWED_HOSTS and loopback.
   */
  allowedHosts: string[] | null;
  /** The deletion ledger file (deletions stay deleted after a restore). */
  deletion: { ledgerFile: string };
  /** Signed audit checkpoints (ZEMAG_AUDIT_*). */
  audit: AuditSettings;
  /** Retention periods per rule (months) and the job's interval (ZEMAG_RETENTION_*). */
  retention: RetentionSettings;
  /** The anomaly rules' limits and scan interval (ZEMAG_ANOMALY_*). */
  anomalies: AnomalySettings;
  /** The record of processing activities: its legal basis text (ZEMAG_RECORDS_LEGAL_BASIS). */
  records: RecordsSettings;
  /** The key-encryption key of the field encryption (ZEMAG_DATA_KEY_FILE). */
  dataKey: DataKeySettings;
}

/** Names only a client on the machine itself (or a local reverse proxy) addresses. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Where the key for TOTP secrets comes from: the environment; a file the server creates in the
 * embedded database's folder (development on PGlite: key and data stay together); or, in
 * tests only, a random key that lives as long as the process.
 */
export type SecretKeySource =
  { kind: 'key'; key: Buffer } | { kind: 'file'; path: string } | { kind: 'ephemeral' };

/** Thrown with every problem found, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const defaultWebDir = path.resolve(import.meta.dirname, '../../web/dist');

/** The letterhead settings (ZEMAG_CITY_NAME, ZEMAG_LETTER_*, …), their problems added to the list. */
function readLetterhead(env: Record<string, string | undefined>, problems: string[]) {
  try {
    return readLetterheadSettings(env);
  } catch (error) {
    if (!(error instanceof LetterSettingsError)) throw error;
    problems.push(...error.problems);
    return readLetterheadSettings({});
  }
}

/**
 * The deletion ledger: as set; beside PGlite's data by default; with PostgreSQL it must be set
 * (the database outlives any one machine, the ledger must too). Tests get a file of their own.
 */
function readLedgerFile(
  e: Pick<Env, 'ZEMAG_DELETION_LEDGER' | 'DATABASE_URL' | 'NODE_ENV'>,
  dataDir: string,
  cwd: string,
  problems: string[],
): string {
  if (e.ZEMAG_DELETION_LEDGER) return path.resolve(cwd, e.ZEMAG_DELETION_LEDGER);
  if (e.NODE_ENV === 'test') {
    return testLedgerFile();
  }
  if (e.DATABASE_URL) {
    problems.push(
      'ZEMAG_DELETION_LEDGER: required with DATABASE_URL (a file outside the database, on a disk that is backed up apart from it, e.g. /var/lib/zemag/deletion-ledger.jsonl)',
    );
    return '';
  }
  return path.join(dataDir, 'deletion-ledger.jsonl');
}

/** Reads and validates the configuration once, at start. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const publicUrl = new URL(e.ZEMAG_PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  const secureTransport = publicUrl.protocol === 'https:';

  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!secureTransport) {
      problems.push(
        'ZEMAG_PUBLIC_URL: production needs an https:// address (set ZEMAG_PUBLIC_URL)',
      );
    }
    if (e.LOG_LEVEL === 'debug' || e.LOG_LEVEL === 'trace') {
      problems.push('LOG_LEVEL: debug and trace are not allowed in production');
    }
    if (e.ZEMAG_DEMO) {
      problems.push(
        'ZEMAG_DEMO: demo mode (one-click sign-in, no second factor) is not allowed in production',
      );
    }
  }
  const secretKey = e.ZEMAG_SECRET_KEY ? Buffer.from(e.ZEMAG_SECRET_KEY, 'base64') : null;
  const dataDir = path.resolve(cwd, e.ZEMAG_DATA_DIR);
  let secretKeySource: SecretKeySource;
  if (secretKey) secretKeySource = { kind: 'key', key: secretKey };
  else if (e.NODE_ENV === 'test') secretKeySource = { kind: 'ephemeral' };
  else if (e.NODE_ENV === 'production' || e.DATABASE_URL) {
    // A shared PostgreSQL database is read by several instances and outlives any one machine:
    // a key generated on one of them would make the others unable to read TOTP secrets.
    problems.push(
      `ZEMAG_SECRET_KEY: required ${e.NODE_ENV === 'production' ? 'in production' : 'with DATABASE_URL'} (32 bytes in base64, e.g. \`openssl rand -base64 32\`)`,
    );
    secretKeySource = { kind: 'ephemeral' };
  } else secretKeySource = { kind: 'file', path: path.join(dataDir, 'secret.key') };
  const ledgerFile = readLedgerFile(e, dataDir, cwd, problems);
  const audit = readAuditSettings(
    env,
    { dataDir, cwd, production: e.NODE_ENV === 'production', demo: e.ZEMAG_DEMO },
    problems,
  );
  const dataKey = readDataKeySettings(
    env,
    { dataDir, cwd, nodeEnv: e.NODE_ENV, postgres: Boolean(e.DATABASE_URL) },
    problems,
  );
  const oidc = readOidcSettings(e, publicUrl, problems);
  const listings = {
    ...readListingSettings(e, problems),
    letterhead: readLetterhead(env, problems),
  };
  const lookupReasons = readCatalogue(
    'ZEMAG_LOOKUP_REASONS',
    e.ZEMAG_LOOKUP_REASONS,
    DEFAULT_LOOKUP_REASONS,
    problems,
  );
  const fileNumberPattern = readFileNumberPattern(e.ZEMAG_FILE_NUMBER_PATTERN, problems);
  const lookupLimit = readLookupLimitSettings(env, e.NODE_ENV === 'production', problems);
  // A demo is tried without a phone at hand: unless roles are named explicitly, none needs a
  // second factor in demo mode.
  const mfaRequiredRoles =
    e.ZEMAG_DEMO && env.ZEMAG_MFA_REQUIRED_ROLES === undefined
      ? []
      : (e.ZEMAG_MFA_REQUIRED_ROLES as Role[]);
  // Retention: ZEMAG_RETENTION_<RULE>_MONTHS, ZEMAG_RETENTION_INTERVAL_MINUTES.
  const retention = readRetentionSettings(env, problems);
  const anomalies = readAnomalySettings(env, problems);
  const records = readRecordsSettings(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const apiDocs =
    e.ZEMAG_API_DOCS === undefined || e.ZEMAG_API_DOCS === ''
      ? e.NODE_ENV !== 'production'
      : e.ZEMAG_API_DOCS === 'true' || e.ZEMAG_API_DOCS === '1';
  const allowedHosts = e.ZEMAG_PUBLIC_URL
    ? [...new Set([publicUrl.hostname, ...e.ZEMAG_ALLOWED_HOSTS, ...LOOPBACK_HOSTS])]
    : null;

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir },
    publicUrl,
    secureTransport,
    session: {
      idleMs: e.ZEMAG_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.ZEMAG_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    trustProxy: e.ZEMAG_TRUST_PROXY,
    webDir: e.ZEMAG_WEB_DIR ? path.resolve(cwd, e.ZEMAG_WEB_DIR) : defaultWebDir,
    logLevel: e.LOG_LEVEL,
    timeZone: e.ZEMAG_TIMEZONE,
    grants: {
      recertifyMonths: e.ZEMAG_GRANT_RECERTIFY_MONTHS,
      fieldFourEyes: e.ZEMAG_FIELD_GRANT_FOUR_EYES,
      activationLinkHours: e.ZEMAG_ACTIVATION_LINK_HOURS,
      recertifyGraceDays: e.ZEMAG_GRANT_RECERTIFY_GRACE_DAYS,
    },
    mfa: { requiredRoles: mfaRequiredRoles, secretKey: secretKeySource },
    webauthn: { rpId: publicUrl.hostname, rpName: 'ZeMAG', origin: publicUrl.origin },
    oidc,
    listings,
    demo: e.ZEMAG_DEMO,
    visits: { keepHours: e.ZEMAG_VISIT_LIST_HOURS },
    lookup: { reasons: lookupReasons, fileNumberPattern },
    lookupLimit,
    apiDocs,
    allowedHosts,
    deletion: { ledgerFile },
    audit,
    retention,
    anomalies,
    records,
    dataKey,
  };
}

export type Env = z.infer<typeof EnvSchema>;
