import {
  AACHEN_LEVELS,
  INCIDENT_CATEGORIES,
  LISTING_FIGURES,
  PERSON_REPORT_BANDS,
  REVIEW_STATES,
  STATISTICS_MIN_COUNT,
  type StatisticsKey,
  type StatisticsReport,
  type StatisticsRow,
  type StatisticsSeries,
} from '@zemag/contracts';
import type { CatalogueEntry } from '../../config-catalogue.js';
import { monthsOf } from './statistics.period.js';
import { NO_DEPARTMENT, type Group, type PeriodCounts } from './statistics.repository.js';
import {
  type Cell,
  protectGrid,
  protectLinkedSeries,
  protectList,
  protectSeries,
} from './suppression.js';

const countOf = (groups: readonly Group[], key: string) =>
  groups.filter((g) => g.key === key).reduce((sum, g) => sum + g.count, 0);

const rows = (keys: readonly StatisticsKey[], cells: readonly Cell[]): StatisticsRow[] =>
  keys.map((key, i) => ({ ...key, count: cells[i] ?? null }));

const plain = (key: string): StatisticsKey => ({ key, label: null });

/** Departments as they appear in the counts, by code; reports without one last. */
function departmentKeys(found: readonly { key: string; name: string | null }[]): StatisticsKey[] {
  const byCode = new Map(found.map((d) => [d.key, d.name]));
  return [...byCode.keys()]
    .sort((a, b) => (a === NO_DEPARTMENT ? 1 : b === NO_DEPARTMENT ? -1 : a.localeCompare(b, 'de')))
    .map((code) => {
      const name = byCode.get(code) ?? null;
      return { key: code, label: name === null ? null : { de: name, en: name } };
    });
}

/**
 * The report of a period from its raw counts: every table in its fixed order (months of the
 * period, levels 0–3, …, zeros included), then suppressed (suppression.ts). The four
 * breakdowns of the reports share their total and are protected together.
 */
export function buildReport({
  period,
  counts,
  reasons,
}: {
  period: { from: string; to: string };
  counts: PeriodCounts;
  reasons: readonly CatalogueEntry[];
}): StatisticsReport {
  const months = monthsOf(period.from, period.to).map(plain);
  const levels = [...AACHEN_LEVELS.map(String), 'none'].map(plain);
  const departments = departmentKeys(counts.byDepartment);
  const review = REVIEW_STATES.map(plain);
  const raw = [
    [months, counts.byMonth],
    [levels, counts.byLevel],
    [departments, counts.byDepartment],
    [review, counts.byReview],
  ] as const;
  const protectedSeries = protectLinkedSeries(
    raw.map(([keys, groups]) => keys.map((k) => countOf(groups, k.key))),
  );
  const [byMonth, byLevel, byDepartment, byReview] = raw.map(([keys], i): StatisticsSeries => ({
    rows: rows(keys, protectedSeries[i]!.counts),
    total: protectedSeries[i]!.total,
  })) as [StatisticsSeries, StatisticsSeries, StatisticsSeries, StatisticsSeries];

  const categories = INCIDENT_CATEGORIES.map(plain);
  const listingFigures = LISTING_FIGURES.map(plain);
  const bands = PERSON_REPORT_BANDS.map(plain);
  const persons = protectSeries(bands.map((b) => countOf(counts.personBands, b.key)));

  // Look-ups: the configured reasons in their order, then any code no longer configured.
  const reasonKeys: StatisticsKey[] = reasons.map((r) => ({
    key: r.code,
    label: { de: r.de, en: r.en },
  }));
  for (const code of new Set(counts.lookups.map((l) => l.reason))) {
    if (!reasonKeys.some((r) => r.key === code)) reasonKeys.push(plain(code));
  }
  const lookupDepartments = departmentKeys(
    counts.lookups.map((l) => ({ key: l.department, name: l.departmentName })),
  );
  const grid = protectGrid(
    lookupDepartments.map((d) =>
      reasonKeys.map((r) =>
        counts.lookups
          .filter((l) => l.department === d.key && l.reason === r.key)
          .reduce((sum, l) => sum + l.count, 0),
      ),
    ),
  );

  return {
    period,
    minimumCount: STATISTICS_MIN_COUNT,
    incidents: {
      byMonth,
      byLevel,
      byDepartment,
      byReview,
      byCategory: {
        rows: rows(
          categories,
          protectList(categories.map((c) => countOf(counts.byCategory, c.key))),
        ),
      },
    },
    listings: {
      rows: rows(
        listingFigures,
        protectList(listingFigures.map((f) => countOf(counts.listings, f.key))),
      ),
    },
    persons: { rows: rows(bands, persons.counts), total: persons.total },
    lookups: {
      rows: lookupDepartments,
      columns: reasonKeys,
      ...grid,
      // no department looked anything up: every reason's total is 0
      columnTotals: lookupDepartments.length === 0 ? reasonKeys.map(() => 0) : grid.columnTotals,
    },
  };
}
