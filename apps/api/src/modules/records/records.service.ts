import type { RecordsOfProcessing } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { buildRecords, type DatabaseEngine, type RecordsConfig } from './records.content.js';
import { recordsMarkdown } from './records.markdown.js';
import { countRoleHolders, listAuthorisedDepartments } from './records.repository.js';

/**
 * The record of processing activities (Art. 30 GDPR): the configuration the server runs with
 * and today's recipients, read and audited in one transaction (`records.read`, or
 * `records.export` for the Markdown file).
 */
export function createRecordsService({
  db,
  audit,
  clock,
  config,
  engine,
}: {
  engine: DatabaseEngine;
  db: Db;
  audit: AuditService;
  clock: Clock;
  config: RecordsConfig;
}) {
  async function collect(
    actor: { id: string },
    action: 'records.read' | 'records.export',
  ): Promise<RecordsOfProcessing> {
    const now = clock.now();
    const today = localDate(now, config.timeZone);
    const graceDays = config.grants.recertifyGraceDays;
    return db.transaction(async (tx) => {
      const departments = await listAuthorisedDepartments({ db: tx, today, graceDays });
      const roleHolders = await countRoleHolders({ db: tx, today, graceDays });
      const record = buildRecords({ config, facts: { engine, departments, roleHolders }, now });
      await audit.record({
        tx,
        actor: actor.id,
        action,
        subject: null,
        details: {
          departments: departments.length,
          legalBasisIsDefault: record.legalBasis.isDefault,
        },
      });
      return record;
    });
  }

  return {
    /** The record as data (the page). */
    read: ({ actor }: { actor: { id: string } }) => collect(actor, 'records.read'),

    /** The record as a Markdown file, with its file name's date (the city's calendar day). */
    async exportMarkdown({ actor }: { actor: { id: string } }) {
      const record = await collect(actor, 'records.export');
      return { markdown: recordsMarkdown(record), date: record.date };
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
