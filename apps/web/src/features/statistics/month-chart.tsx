import type { StatisticsSeries } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { CountTable } from './count-table';
import { barShare, labelledMonths, monthName } from './statistics-format';

/** Drawing height of the columns and of the month labels under them, in pixels. */
const HEIGHT = 120;
const LABEL = 20;

/**
 * Reports per month as columns (inline SVG), and the same numbers as a table to open below it.
 * The drawing is hidden from screen readers, who get the table; a withheld month is a dot.
 */
export function MonthChart({ series, title }: { series: StatisticsSeries; title: string }) {
  const { t, i18n } = useTranslation();
  const months = series.rows.map((r) => r.key);
  const counts = series.rows.map((r) => r.count);
  const labelled = labelledMonths(months);
  // x in percent of the width, heights in pixels: the labels keep their size on any screen
  const column = 100 / Math.max(months.length, 1);
  return (
    <div className="kern-stack-sm">
      <h3 className="kern-heading-small" id="stat-months-title">
        {title}
      </h3>
      <svg
        className="zm-stat-columns"
        width="100%"
        height={HEIGHT + LABEL}
        aria-hidden="true"
        focusable="false"
        data-testid="stat-month-chart"
      >
        <line x1="0" x2="100%" y1={HEIGHT} y2={HEIGHT} className="zm-stat-axis" />
        {series.rows.map((row, i) => {
          const h = barShare(row.count, counts) * (HEIGHT - 6);
          const middle = `${(i + 0.5) * column}%`;
          return (
            <g key={row.key}>
              {row.count === null ? (
                <circle cx={middle} cy={HEIGHT - 5} r="2.5" className="zm-stat-dot" />
              ) : (
                <rect
                  x={`${(i + 0.15) * column}%`}
                  y={HEIGHT - h}
                  width={`${column * 0.7}%`}
                  height={h}
                />
              )}
              {labelled.has(row.key) ? (
                <text x={middle} y={HEIGHT + LABEL - 5} textAnchor="middle">
                  {row.key.slice(5)}/{row.key.slice(2, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="zm-stat-details">
        <summary className="kern-link">{t('statistics.showTable')}</summary>
        <CountTable
          id="stat-months"
          title={title}
          rowHeader={t('statistics.month')}
          rows={series.rows.map((r) => ({
            key: r.key,
            label: monthName(r.key, i18n.language),
            count: r.count,
          }))}
          total={series.total}
        />
      </details>
    </div>
  );
}
