import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createIdentityService } from './modules/identity/identity.service.js';
import { createSetupService } from './modules/setup/setup.service.js';

/** Wires the services once; routes, the CLI and tests receive them from here. */
export function createServices({
  db,
  clock,
  config,
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'session' | 'publicUrl'>;
}) {
  const audit = createAuditService({ clock });
  const identity = createIdentityService({ db, audit, clock, session: config.session });
  const setup = createSetupService({ db, clock, identity, publicUrl: config.publicUrl });
  return { audit, identity, setup };
}
export type Services = ReturnType<typeof createServices>;
