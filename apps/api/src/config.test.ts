import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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

  it('makes field a four-eyes grant and keeps activation links 72 hours unless told otherwise', () => {
    expect(loadConfig({}).grants).toEqual({
      recertifyMonths: 12,
      fieldFourEyes: true,
      activationLinkHours: 72,
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
