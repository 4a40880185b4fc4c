import type { StatisticsSeries } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { CountTable } from './count-table';
import { barShare, labelledMonths, monthName } from './statistics-format';

const HEIGHT = 120;
const LABEL = 18;

/**
 * Reports per month as columns (inline SVG), and the same numbers as a table to open below it.
 * The drawing is hidden from screen readers, who get the table; a withheld month is a dot.
 */
export function MonthChart({ series, title }: { series: StatisticsSeries; title: string }) {
  const { t, i18n } = useTranslation();
  const months = series.rows.map((r) => r.key);
  const counts = series.rows.map((r) => r.count);
  const labelled = labelledMonths(months);
  const width = Math.max(months.length * 12, 120);
  const column = width / Math.max(months.length, 1);
  return (
    <div className="kern-stack-sm">
      <h3 className="kern-heading-small" id="stat-months-title">
        {title}
      </h3>
      <svg
        className="zm-stat-columns"
        viewBox={`0 0 ${width} ${HEIGHT + LABEL}`}
        aria-hidden="true"
        focusable="false"
        data-testid="stat-month-chart"
      >
        <line x1="0" x2={width} y1={HEIGHT} y2={HEIGHT} className="zm-stat-axis" />
        {series.rows.map((row, i) => {
          const share = barShare(row.count, counts);
          const h = share * (HEIGHT - 4);
          const x = i * column + column * 0.15;
          return (
            <g key={row.key}>
              {row.count === null ? (
                <circle
                  cx={i * column + column / 2}
                  cy={HEIGHT - 4}
                  r="1.6"
                  className="zm-stat-dot"
                />
              ) : (
                <rect x={x} y={HEIGHT - h} width={column * 0.7} height={h} />
              )}
              {labelled.has(row.key) ? (
                <text x={i * column + column / 2} y={HEIGHT + LABEL - 4} textAnchor="middle">
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
