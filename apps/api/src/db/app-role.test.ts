import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createAuditChainer } from '../modules/audit/audit.chainer.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { openConfiguredDatabase } from '../runtime.js';
import { testDatabaseUrl } from '../test-support/test-database.js';
import type { Database } from './database.js';

/** docs/postgres-app-role.sql, the grants the README tells the owner to run. */
const GRANTS = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../../../docs/postgres-app-role.sql'),
  'utf8',
);

/**
 * The owner/application role split on PostgreSQL (README, "Audit log the DPO can prove"): the
 * owner migrates and grants with docs/postgres-app-role.sql; the server, connected as the
 * application role, works — its audit events are inserted and linked — but UPDATE, DELETE and
 * TRUNCATE of audit events are refused by the database itself, triggers or not.
 */
describe.skipIf(!testDatabaseUrl)('the application role on PostgreSQL', () => {
  const suffix = randomBytes(5).toString('hex');
  const name = `zemag_test_role_${suffix}`;
  const role = `zemag_app_${suffix}`;
  const urlFor = (user: string | null) => {
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    if (user) url.username = user;
    return url.toString();
  };
  const admin = () => new pg.Client({ connectionString: testDatabaseUrl });
  let app: Database;

  beforeAll(async () => {
    const server = admin();
    await server.connect();
    try {
      await server.query(`CREATE DATABASE ${name}`);
      await server.query(`CREATE ROLE ${role} LOGIN`);
    } finally {
      await server.end();
    }
    // the owner (here the server's superuser) migrates as `zemag db migrate` does, then grants
    // as the README says
    const owner = await openConfiguredDatabase({
      database: { kind: 'postgres', url: urlFor(null) },
    });
    try {
      await owner.db.execute(sql.raw(GRANTS.replaceAll(':"app_role"', `"${role}"`)));
    } finally {
      await owner.close();
    }
    app = await openConfiguredDatabase({ database: { kind: 'postgres', url: urlFor(role) } });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    const server = admin();
    await server.connect();
    try {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.query(`DROP ROLE IF EXISTS ${role}`);
    } finally {
      await server.end();
    }
  });

  it('starts without DDL rights, and records and links audit events', async () => {
    expect(await app.migrationStatus()).toMatchObject({ applied: expect.any(Number) });
    const audit = createAuditService({ clock: createManualClock() });
    const event = await app.db.transaction((tx) =>
      audit.record({ tx, actor: null, action: 'test.as-app-role' }),
    );
    expect(await createAuditChainer({ db: app.db }).drain()).toBeGreaterThanOrEqual(1);
    const verified = await audit.verify({ db: app.db });
    expect(verified).toMatchObject({ ok: true, headSeq: event.seq });
  });

  it('is refused UPDATE, DELETE and TRUNCATE of audit events by the database', async () => {
    for (const statement of [
      sql`UPDATE audit_events SET action = 'forged'`,
      sql`DELETE FROM audit_events`,
      sql`TRUNCATE audit_events`,
      // not even with the triggers switched off, which needs a superuser anyway
      sql`ALTER TABLE audit_events DISABLE TRIGGER USER`,
    ]) {
      await expect(app.db.execute(statement)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '42501' }),
      });
    }
  });

  it('cannot link or trim the chain with a lock key of its own choosing', async () => {
    for (const statement of [
      sql`SELECT audit_link(42::bigint, 10, 'x')`,
      sql`SELECT audit_trim(42::bigint, 1::bigint)`,
    ]) {
      await expect(app.db.execute(statement)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '42501' }),
      });
    }
    // the fixed-key function still refuses to remove the chain head
    await expect(app.db.execute(sql`SELECT audit_trim(1::bigint)`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '22023' }),
    });
  });

  it('may still change the register itself', async () => {
    await expect(
      app.db.execute(sql`UPDATE departments SET name = name WHERE false`),
    ).resolves.toBeDefined();
  });
});
