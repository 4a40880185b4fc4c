import { createAlarmsService } from './modules/alarms/alarms.service.js';
import { createAnomaliesService } from './modules/anomalies/anomalies.service.js';
import { DEFAULT_ANOMALY_SETTINGS } from './modules/anomalies/anomalies.rules.js';
import { DEFAULT_FILE_NUMBER_PATTERN } from './modules/lookup/file-number.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { createActivationService } from './modules/activation/activation.service.js';
import { createAuditChainer } from './modules/audit/audit.chainer.js';
import { createAuditCheckpoints, testCheckpointsFile } from './modules/audit/audit.checkpoints.js';
import { loadAuditSigningKey } from './modules/audit/audit.settings.js';
import { createAuditViews } from './modules/audit/audit-views.service.js';
import { createStatisticsService } from './modules/statistics/statistics.service.js';
import { trimAuditHead } from './modules/audit/audit.trim.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createDepartmentsService } from './modules/departments/departments.service.js';
import { createGrantsService } from './modules/grants/grants.service.js';
import { createIdempotencyService } from './modules/idempotency/idempotency.service.js';
import { createIncidentsService } from './modules/incidents/incidents.service.js';
import { notificationLetterPdf } from './modules/letters/notification-letter.js';
import { createListingsService } from './modules/listings/listings.service.js';
import { createLookupService } from './modules/lookup/lookup.service.js';
import { DEFAULT_LOOKUP_LIMIT } from './modules/lookup-limits/lookup-limits.policy.js';
import { createLookupLimits } from './modules/lookup-limits/lookup-limits.service.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { createPersonsService } from './modules/persons/persons.service.js';
import { createCorrectionsService } from './modules/corrections/corrections.service.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { createLegacyImportService } from './modules/legacy-import/legacy-import.service.js';
import { createIdentityService } from './modules/identity/identity.service.js';
import { factorSummary } from './modules/mfa/mfa.repository.js';
import { createMfaService } from './modules/mfa/mfa.service.js';
import { lazySecretKey } from './modules/mfa/secret-box.js';
import { createUsersService } from './modules/users/users.service.js';
import { createSetupService } from './modules/setup/setup.service.js';
import { createOidcClient } from './modules/sso/sso.provider.js';
import { createSsoService } from './modules/sso/sso.service.js';
import { createVisitsService } from './modules/visits/visits.service.js';
import { createSubjectRequestsService } from './modules/subject-requests/subject-requests.service.js';
import { createDeletionService } from './modules/deletion/deletion.service.js';
import { testLedgerFile } from './modules/deletion/ledger-file.js';
import { recordLapsedGrants } from './modules/grants/grants.lapse.js';
import { createRetentionService } from './modules/retention/retention.service.js';
import { DEFAULT_RETENTION_MONTHS } from './modules/retention/retention.settings.js';
import { erasePerson } from './modules/deletion/erase.js';
import { createFieldCipher } from './modules/encryption/field-cipher.js';
import { loadDataKek } from './modules/encryption/data-key.settings.js';

/** The part of the configuration the services read. */
export type ServicesConfig = Pick<
  Config,
  'session' | 'publicUrl' | 'timeZone' | 'grants' | 'mfa' | 'webauthn' | 'listings'
> &
  Partial<Pick<Config, 'oidc' | 'visits' | 'lookup' | 'lookupLimit'>> &
  Partial<Pick<Config, 'deletion' | 'audit' | 'anomalies' | 'dataKey'>>;

/** Wires the services once; routes, the CLI and tests receive them from here. */
export function createServices({
  db,
  clock,
  config,
}: {
  db: Db;
  clock: Clock;
  config: ServicesConfig;
}) {
  // Events are inserted in their actions' transactions and linked into the chain after commit.
  const auditChainer = createAuditChainer({ db });
  // Field encryption (narratives, notes): the KEK from ZEMAG_DATA_KEY_FILE (tests: a fixed key).
  const cipher = createFieldCipher({
    kek: loadDataKek(config.dataKey ?? { kind: 'test' }),
    now: () => clock.now(),
  });
  const audit = createAuditService({ clock, afterRecord: auditChainer.wake });
  // Signed checkpoints of the chain head: off without a key (tests; development without one).
  const auditCheckpoints = createAuditCheckpoints({
    db,
    clock,
    settings: {
      key: config.audit ? loadAuditSigningKey(config.audit) : null,
      file: config.audit?.checkpointsFile ?? testCheckpointsFile(),
    },
    linkPending: () => auditChainer.drain(),
  });
  const settings = {
    timeZone: config.timeZone,
    recertifyMonths: config.grants.recertifyMonths,
    ...(config.grants.recertifyGraceDays === undefined
      ? {}
      : { recertifyGraceDays: config.grants.recertifyGraceDays }),
  };
  const grants = createGrantsService({
    db,
    audit,
    clock,
    settings: { ...settings, fieldFourEyes: config.grants.fieldFourEyes },
  });
  const identity = createIdentityService({
    db,
    audit,
    clock,
    session: config.session,
    rolesOf: grants.rolesOf,
    secondFactor: { requiredRoles: config.mfa.requiredRoles, summary: factorSummary },
  });
  const mfa = createMfaService({
    db,
    audit,
    clock,
    identity,
    rolesOf: grants.rolesOf,
    requiredRoles: config.mfa.requiredRoles,
    secretKey: lazySecretKey(config.mfa.secretKey),
    rp: config.webauthn,
  });
  const departments = createDepartmentsService({ db, audit, clock });
  const activation = createActivationService({
    db,
    audit,
    clock,
    publicUrl: config.publicUrl,
    linkHours: config.grants.activationLinkHours,
  });
  const users = createUsersService({ db, audit, clock, grants, activation, settings });
  const imports = createImportsService({
    db,
    audit,
    clock,
    settings: { ...settings, fieldFourEyes: config.grants.fieldFourEyes },
  });
  const setup = createSetupService({ db, clock, users, publicUrl: config.publicUrl });
  const oidc = config.oidc ?? null;
  const sso = createSsoService({
    db,
    audit,
    clock,
    settings: oidc,
    client: oidc ? createOidcClient({ settings: oidc, clock }) : null,
    identity,
    users,
    grantSettings: settings,
  });
  const idempotency = createIdempotencyService({ db, clock });
  const incidents = createIncidentsService({
    db,
    audit,
    clock,
    idempotency,
    cipher,
    timeZone: config.timeZone,
  });
  const persons = createPersonsService({ db, audit, clock, cipher });
  const corrections = createCorrectionsService({ db, audit, clock, cipher });
  const listingSettings = { timeZone: config.timeZone, ...config.listings };
  const listings = createListingsService({
    db,
    audit,
    clock,
    cipher,
    settings: listingSettings,
    renderLetter: notificationLetterPdf,
  });
  const legacyImport = createLegacyImportService({
    db,
    audit,
    clock,
    cipher,
    settings: listingSettings,
    rolesOf: grants.rolesOf,
    // The same services on the row's transaction: their own transactions become savepoints.
    scoped: (tx) => ({
      // The operator stands in as reporter of the records taken over: not their own reports.
      persons: createPersonsService({ db: tx, audit, clock, cipher, legacyImport: true }),
      listings: createListingsService({
        db: tx,
        audit,
        clock,
        cipher,
        settings: listingSettings,
        renderLetter: notificationLetterPdf,
        legacyImport: true,
      }),
    }),
  });
  const notifications = createNotificationsService({ db, clock });
  // Look-ups and visit-list entries share one budget per user (lookup-limits.policy.ts).
  const lookupLimits = createLookupLimits({
    db,
    audit,
    clock,
    settings: config.lookupLimit === undefined ? DEFAULT_LOOKUP_LIMIT : config.lookupLimit,
    timeZone: config.timeZone,
  });
  const lookup = createLookupService({
    db,
    audit,
    clock,
    limits: lookupLimits,
    settings: {
      timeZone: config.timeZone,
      precautions: config.listings.precautions,
      ...(config.lookup
        ? { reasons: config.lookup.reasons, fileNumberPattern: config.lookup.fileNumberPattern }
        : {}),
    },
  });
  const visits = createVisitsService({
    db,
    audit,
    clock,
    lookup,
    limits: lookupLimits,
    settings: config.visits ? { keepHours: config.visits.keepHours } : {},
  });
  // deletion (issue 11): the ledger file (a file of its own when the config names none: tests)
  const deletion = createDeletionService({
    db,
    clock,
    audit,
    file: config.deletion?.ledgerFile ?? testLedgerFile(),
  });
  // A restriction set or lifted goes to the ledger file right after its commit (the outbox row
  // written in its transaction is flushed again at the next start or job run if this fails).
  const flushAfter =
    <A, R>(run: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      const result = await run(args);
      await deletion.flush().catch(() => undefined);
      return result;
    };
  Object.assign(listings, {
    restrict: flushAfter(listings.restrict),
    liftRestriction: flushAfter(listings.liftRestriction),
  });
  // Anomaly rules over the audit log (the scanner in server.ts), findings for the DPO.
  const anomalies = createAnomaliesService({
    db,
    audit,
    clock,
    settings: config.anomalies ?? DEFAULT_ANOMALY_SETTINGS,
    fileNumberPattern:
      config.lookup?.fileNumberPattern ?? new RegExp(DEFAULT_FILE_NUMBER_PATTERN, 'u'),
    timeZone: config.timeZone,
  });
  // Retention: expiry and the deletion job (the scheduler in server.ts, `zemag retention run`).
  const retention = createRetentionService({
    db,
    audit,
    clock,
    timeZone: config.timeZone,
    // Optional here, so services built from a partial configuration (tests) use the defaults.
    settings: {
      months:
        (config as Partial<Pick<Config, 'retention'>>).retention?.months ??
        DEFAULT_RETENTION_MONTHS,
    },
    // audit retention: the head of the chain, anchored by a signed checkpoint; the findings
    // that rested on the removed events go with them
    trimAudit: async (cutoff, options) => {
      const trimmed = await trimAuditHead({
        db,
        audit,
        checkpoints: auditCheckpoints,
        linkPending: () => auditChainer.drain(),
        cutoff,
        dryRun: options?.dryRun ?? false,
      });
      if (trimmed.removed > 0 && !options?.dryRun) await anomalies.forgetBefore(cutoff);
      return trimmed;
    },
  });
  const grantLapse = {
    record: () =>
      recordLapsedGrants({
        db,
        audit,
        clock,
        timeZone: config.timeZone,
        graceDays: config.grants.recertifyGraceDays,
      }),
  };
  const subjectRequests = createSubjectRequestsService({
    db,
    audit,
    clock,
    cipher,
    settings: { timeZone: config.timeZone, letterhead: config.listings.letterhead },
    // data-subject requests: an erasure is written to the deletion ledger after its commit
    erase: erasePerson,
    afterErasure: () => deletion.flush(),
  });
  return {
    /** What the services were built with (the demo seed builds a second set on its own clock). */
    runtime: { config, clock },
    /** Field encryption of narratives and notes (modules/encryption). */
    cipher,
    audit,
    auditChainer,
    auditCheckpoints,
    auditViews: createAuditViews({ db, audit }),
    anomalies,
    statistics: createStatisticsService({
      db,
      audit,
      clock,
      timeZone: config.timeZone,
      reasons: () => lookup.reasons().reasons,
    }),
    identity,
    mfa,
    grants,
    departments,
    users,
    activation,
    imports,
    setup,
    sso,
    idempotency,
    incidents,
    /** The silent alarm (issue 15): raised by field staff, handled by the control room. */
    alarms: createAlarmsService({ db, audit, clock, idempotency }),
    persons,
    listings,
    notifications,
    lookup,
    visits,
    legacyImport,
    subjectRequests,
    deletion,
    retention,
    grantLapse,
    corrections,
  };
}
export type Services = ReturnType<typeof createServices>;
