import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { testAuditKeyFile, testDataKeyFile } from './test-support/audit-key.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  it('runs on the embedded database in ./data on port 3000 by default', () => {
    const config = loadConfig({}, '/srv/zemag');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('localhost');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('/srv/zemag/data') });
    expect(config.publicUrl.toString()).toBe('http://localhost:3000/');
    expect(config.secureTransport).toBe(false);
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://zemag@db:5432/zemag',
      ZEMAG_SECRET_KEY: KEY,
      ZEMAG_DELETION_LEDGER: '/var/lib/zemag/deletion-ledger.jsonl',
      ZEMAG_DATA_KEY_FILE: testDataKeyFile(),
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://zemag@db:5432/zemag' });
  });

  it('lists every bad value at once, naming each setting', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ZEMAG_SESSION_IDLE_MINUTES: '-5' });
      expect.unreachable('loadConfig accepted bad values');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^ZEMAG_SESSION_IDLE_MINUTES:/m);
    }
  });

  it('refuses session lengths beyond 30 idle minutes and 12 hours, in every mode', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      try {
        loadConfig({
          NODE_ENV,
          ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
          ZEMAG_SECRET_KEY: KEY,
          ZEMAG_SESSION_IDLE_MINUTES: '999999',
          ZEMAG_SESSION_ABSOLUTE_HOURS: '99999',
        });
        expect.unreachable(`${NODE_ENV} accepted endless sessions`);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const problems = (error as ConfigError).problems.join('\n');
        expect(problems).toMatch(/^ZEMAG_SESSION_IDLE_MINUTES: at most 30 minutes/m);
        expect(problems).toMatch(/^ZEMAG_SESSION_ABSOLUTE_HOURS: at most 12 hours/m);
      }
    }
    const longest = loadConfig({
      ZEMAG_SESSION_IDLE_MINUTES: '30',
      ZEMAG_SESSION_ABSOLUTE_HOURS: '12',
    });
    expect(longest.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
    expect(
      loadConfig({ ZEMAG_SESSION_IDLE_MINUTES: '15', ZEMAG_SESSION_ABSOLUTE_HOURS: '8' }).session,
    ).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 });
  });

  it('refuses an http address and debug logging in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'debug' })).toThrow(
      /ZEMAG_PUBLIC_URL: production needs an https[\s\S]*LOG_LEVEL/,
    );
  });

  it('uses secure cookies and HSTS behind an https address', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
      ZEMAG_SECRET_KEY: KEY,
      ZEMAG_AUDIT_SIGNING_KEY_FILE: testAuditKeyFile(),
      ZEMAG_DATA_KEY_FILE: testDataKeyFile(),
    });
    expect(config.secureTransport).toBe(true);
    expect(config.webauthn).toEqual({
      rpId: 'zemag.stadt.example',
      rpName: 'ZeMAG',
      origin: 'https://zemag.stadt.example',
    });
  });

  it('requires a second factor for every role but reporter unless told otherwise', () => {
    expect(loadConfig({}).mfa.requiredRoles).toEqual([
      'field',
      'registrar',
      'dpo',
      'control_room',
      'admin',
    ]);
    expect(loadConfig({ ZEMAG_MFA_REQUIRED_ROLES: '' }).mfa.requiredRoles).toEqual([]);
    expect(loadConfig({ ZEMAG_MFA_REQUIRED_ROLES: 'admin, dpo' }).mfa.requiredRoles).toEqual([
      'admin',
      'dpo',
    ]);
    expect(() => loadConfig({ ZEMAG_MFA_REQUIRED_ROLES: 'admin,root' })).toThrow(
      /ZEMAG_MFA_REQUIRED_ROLES: unknown role/,
    );
  });

  it('needs a checkpoint signing key in production, makes one in demo mode, and names a bad one', () => {
    const production = {
      NODE_ENV: 'production',
      ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
      ZEMAG_SECRET_KEY: KEY,
      ZEMAG_DATA_KEY_FILE: testDataKeyFile(),
    };
    expect(() => loadConfig(production)).toThrow(
      /ZEMAG_AUDIT_SIGNING_KEY_FILE: required in production/,
    );
    const key = testAuditKeyFile();
    const configured = loadConfig(
      { ...production, ZEMAG_AUDIT_SIGNING_KEY_FILE: key, ZEMAG_AUDIT_CHECKPOINTS: 'cp.jsonl' },
      '/srv/zemag',
    );
    expect(configured.audit).toEqual({
      signingKeyFile: key,
      createKey: false,
      checkpointsFile: path.resolve('/srv/zemag/cp.jsonl'),
      checkpointMinutes: 60,
    });
    expect(loadConfig({ ZEMAG_DEMO: 'true' }, '/srv/zemag').audit).toMatchObject({
      signingKeyFile: path.resolve('/srv/zemag/data/audit-signing-key.pem'),
      createKey: true,
      checkpointsFile: path.resolve('/srv/zemag/data/audit-checkpoints.jsonl'),
    });
    // development without a key: no checkpoints, nothing refused
    expect(loadConfig({}).audit.signingKeyFile).toBe(null);
    expect(() => loadConfig({ ZEMAG_AUDIT_SIGNING_KEY_FILE: '/nonexistent/key.pem' })).toThrow(
      /ZEMAG_AUDIT_SIGNING_KEY_FILE: the key file \/nonexistent\/key.pem cannot be read/,
    );
    for (const minutes of ['0', '1441', '1.5', 'stündlich']) {
      expect(() => loadConfig({ ZEMAG_AUDIT_CHECKPOINT_MINUTES: minutes })).toThrow(
        /ZEMAG_AUDIT_CHECKPOINT_MINUTES: a whole number of minutes from 1 to 1440/,
      );
    }
    expect(loadConfig({ ZEMAG_AUDIT_CHECKPOINT_MINUTES: '15' }).audit.checkpointMinutes).toBe(15);
  });

  it('needs a secret key in production and with PostgreSQL; keeps one beside PGlite data otherwise', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example' }),
    ).toThrow(/ZEMAG_SECRET_KEY: required in production/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://zemag@db:5432/zemag' })).toThrow(
      /ZEMAG_SECRET_KEY: required with DATABASE_URL/,
    );
    expect(() => loadConfig({ ZEMAG_SECRET_KEY: 'c2hvcnQ=' })).toThrow(
      /ZEMAG_SECRET_KEY: must be 32 bytes/,
    );
    expect(loadConfig({}, '/srv/zemag').mfa.secretKey).toEqual({
      kind: 'file',
      path: path.resolve('/srv/zemag/data/secret.key'),
    });
    expect(loadConfig({ ZEMAG_SECRET_KEY: KEY }).mfa.secretKey).toEqual({
      kind: 'key',
      key: Buffer.alloc(32, 7),
    });
  });

  it('keeps a visit list on the phone for 10 hours unless told 1 to 24 hours', () => {
    expect(loadConfig({}).visits).toEqual({ keepHours: 10 });
    expect(loadConfig({ ZEMAG_VISIT_LIST_HOURS: '24' }).visits).toEqual({ keepHours: 24 });
    for (const bad of ['0', '25', '8.5', 'shift']) {
      expect(() => loadConfig({ ZEMAG_VISIT_LIST_HOURS: bad })).toThrow(/ZEMAG_VISIT_LIST_HOURS/);
    }
  });

  // Listing life cycle (issue 11).
  it('puts listings on the review queue 30 days before they end unless told 1 to 365 days', () => {
    expect(loadConfig({}).listings.reviewWindowDays).toBe(30);
    expect(loadConfig({ ZEMAG_REVIEW_WINDOW_DAYS: '60' }).listings.reviewWindowDays).toBe(60);
    for (const bad of ['0', '366', '1.5', 'month']) {
      expect(() => loadConfig({ ZEMAG_REVIEW_WINDOW_DAYS: bad })).toThrow(
        /ZEMAG_REVIEW_WINDOW_DAYS/,
      );
    }
  });

  it('signs the letter with the office name and its function mailbox', () => {
    const letterhead = loadConfig({
      ZEMAG_LETTER_OFFICE_NAME: 'ZeMAG-Stelle Köln',
      ZEMAG_LETTER_OFFICE_MAILBOX: 'zemag@stadt-koeln.example',
    }).listings.letterhead;
    expect(letterhead).toMatchObject({
      officeName: 'ZeMAG-Stelle Köln',
      officeMailbox: 'zemag@stadt-koeln.example',
    });
    expect(() => loadConfig({ ZEMAG_LETTER_OFFICE_MAILBOX: 'Frau Müller' })).toThrow(
      /ZEMAG_LETTER_OFFICE_MAILBOX/,
    );
  });

  it('takes the look-up reasons from ZEMAG_LOOKUP_REASONS, the German defaults otherwise', () => {
    expect(loadConfig({}).lookup.reasons.map((r) => r.code)).toEqual([
      'home_visit',
      'enforcement',
      'inspection',
      'office_appointment',
      'other',
    ]);
    const reasons = [
      { code: 'wohnungsabnahme', de: 'Wohnungsabnahme', en: 'Flat inspection' },
      { code: 'other', de: 'Sonstiges', en: 'Other' },
    ];
    expect(loadConfig({ ZEMAG_LOOKUP_REASONS: JSON.stringify(reasons) }).lookup.reasons).toEqual(
      reasons,
    );
    for (const bad of ['[', '[]', '[{"code":"Haus Besuch","de":"x","en":"y"}]']) {
      expect(() => loadConfig({ ZEMAG_LOOKUP_REASONS: bad })).toThrow(/ZEMAG_LOOKUP_REASONS/);
    }
  });

  it('takes a file number pattern that refuses placeholders, a sensible German default otherwise', () => {
    const pattern = loadConfig({}).lookup.fileNumberPattern;
    for (const good of ['32.1-2026/0815', 'OA 12-345/26', 'StA 1 Js 2/25', 'VZ 2026/0412']) {
      expect(pattern.test(good)).toBe(true);
    }
    for (const bad of ['-', 'x', '123', '12345', 'ABCDE', 'ab-cd', 'a-1', '1--2345', ' OA 1/2']) {
      expect(pattern.test(bad)).toBe(false);
    }
    const own = loadConfig({ ZEMAG_FILE_NUMBER_PATTERN: String.raw`^\d{2}\.\d-\d{4}/\d{4}$` });
    expect(own.lookup.fileNumberPattern.test('32.1-2026/0815')).toBe(true);
    expect(own.lookup.fileNumberPattern.test('OA 12-345/26')).toBe(false);
    for (const bad of ['(', '.*', '^\\d+$', 'x|-']) {
      expect(() => loadConfig({ ZEMAG_FILE_NUMBER_PATTERN: bad })).toThrow(
        /ZEMAG_FILE_NUMBER_PATTERN/,
      );
    }
  });

  it('stops a grant 30 days after its overdue re-certification unless told 0 to 365 days', () => {
    expect(loadConfig({ ZEMAG_GRANT_RECERTIFY_GRACE_DAYS: '0' }).grants.recertifyGraceDays).toBe(0);
    expect(loadConfig({ ZEMAG_GRANT_RECERTIFY_GRACE_DAYS: '90' }).grants.recertifyGraceDays).toBe(
      90,
    );
    for (const bad of ['-1', '366', '2.5', 'ein Monat']) {
      expect(() => loadConfig({ ZEMAG_GRANT_RECERTIFY_GRACE_DAYS: bad })).toThrow(
        /ZEMAG_GRANT_RECERTIFY_GRACE_DAYS/,
      );
    }
  });

  it('makes field a four-eyes grant and keeps activation links 72 hours unless told otherwise', () => {
    expect(loadConfig({}).grants).toEqual({
      recertifyMonths: 12,
      fieldFourEyes: true,
      activationLinkHours: 72,
      recertifyGraceDays: 30,
    });
    const changed = loadConfig({
      ZEMAG_FIELD_GRANT_FOUR_EYES: 'false',
      ZEMAG_ACTIVATION_LINK_HOURS: '24',
    }).grants;
    expect(changed).toMatchObject({ fieldFourEyes: false, activationLinkHours: 24 });
    for (const bad of ['0', '721', 'drei Tage']) {
      expect(() => loadConfig({ ZEMAG_ACTIVATION_LINK_HOURS: bad })).toThrow(
        /ZEMAG_ACTIVATION_LINK_HOURS/,
      );
    }
    expect(() => loadConfig({ ZEMAG_FIELD_GRANT_FOUR_EYES: 'vielleicht' })).toThrow(
      /ZEMAG_FIELD_GRANT_FOUR_EYES/,
    );
  });

  it('serves the API documentation except in production, unless told otherwise', () => {
    const production = {
      NODE_ENV: 'production',
      ZEMAG_PUBLIC_URL: 'https://z.example',
      ZEMAG_SECRET_KEY: KEY,
      ZEMAG_AUDIT_SIGNING_KEY_FILE: testAuditKeyFile(),
      ZEMAG_DATA_KEY_FILE: testDataKeyFile(),
    };
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, ZEMAG_API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ ZEMAG_API_DOCS: '0' }).apiDocs).toBe(false);
    expect(() => loadConfig({ ZEMAG_API_DOCS: 'maybe' })).toThrow(/ZEMAG_API_DOCS/);
  });

  it('checks the host name of requests only when a public URL is configured', () => {
    expect(loadConfig({}).allowedHosts).toBeNull();
    expect(
      loadConfig({
        ZEMAG_PUBLIC_URL: 'https://ZeMAG.Stadt.example:8443/',
        ZEMAG_ALLOWED_HOSTS: 'zemag.intern, Zemag-2.intern.',
      }).allowedHosts,
    ).toEqual([
      'zemag.stadt.example',
      'zemag.intern',
      'zemag-2.intern',
      'localhost',
      '127.0.0.1',
      '[::1]',
    ]);
    expect(() => loadConfig({ ZEMAG_ALLOWED_HOSTS: 'https://zemag.intern' })).toThrow(
      /ZEMAG_ALLOWED_HOSTS: host names only/,
    );
  });

  // deletion (issue 11)
  it('keeps the deletion ledger beside PGlite data; requires it with PostgreSQL', () => {
    expect(loadConfig({}, '/srv/zemag').deletion.ledgerFile).toBe(
      path.resolve('/srv/zemag/data/deletion-ledger.jsonl'),
    );
    expect(
      loadConfig({ ZEMAG_DELETION_LEDGER: 'ledger/d.jsonl' }, '/srv/zemag').deletion.ledgerFile,
    ).toBe(path.resolve('/srv/zemag/ledger/d.jsonl'));
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://zemag@db:5432/zemag', ZEMAG_SECRET_KEY: KEY }),
    ).toThrow(/ZEMAG_DELETION_LEDGER: required with DATABASE_URL/);
  });
});
