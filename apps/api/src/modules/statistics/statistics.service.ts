import type { StatisticsQuery, StatisticsReport } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { CatalogueEntry } from '../../config-catalogue.js';
import type { Db } from '../../db/database.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { statisticsCsv } from './statistics.csv.js';
import { periodInstants, resolvePeriod } from './statistics.period.js';
import { buildReport } from './statistics.report.js';
import { countPeriod, oldestReportMonth } from './statistics.repository.js';

/**
 * Statistics for registrars and the data protection officer: counts of a period, suppressed
 * (suppression.ts), never a person. Each read or export is audited in its own transaction,
 * together with the counts it shows (`statistics.read`, `statistics.export`, with the period).
 */
export function createStatisticsService({
  db,
  audit,
  clock,
  timeZone,
  reasons,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  timeZone: string;
  /** The look-up reasons as configured now (their names label the look-up table). */
  reasons: () => readonly CatalogueEntry[];
}) {
  async function read(
    actor: { id: string },
    query: StatisticsQuery,
    action: 'statistics.read' | 'statistics.export',
  ): Promise<StatisticsReport> {
    return db.transaction(async (tx) => {
      const currentMonth = localDate(clock.now(), timeZone).slice(0, 7);
      const period = resolvePeriod({
        from: query.from,
        to: query.to,
        currentMonth,
        oldestMonth: await oldestReportMonth({ db: tx, timeZone }),
      });
      const counts = await countPeriod({ db: tx, period: periodInstants(period, timeZone) });
      await audit.record({ tx, actor: actor.id, action, details: { period } });
      return buildReport({ period, counts, reasons: reasons() });
    });
  }

  return {
    report: ({ actor, query }: { actor: { id: string }; query: StatisticsQuery }) =>
      read(actor, query, 'statistics.read'),
    /** The report as CSV text and a file name with its period. */
    async exportCsv({ actor, query }: { actor: { id: string }; query: StatisticsQuery }) {
      const report = await read(actor, query, 'statistics.export');
      const { from, to } = report.period;
      return { csv: statisticsCsv(report), fileName: `Statistik_${from}_${to}.csv` };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
