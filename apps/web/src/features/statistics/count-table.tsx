import type { StatisticsCount } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { barShare, countText } from './statistics-format';

/** A count on the page: the number, or the mark of a withheld count with its word for screen readers. */
export function Count({ count }: { count: StatisticsCount }) {
  const { t, i18n } = useTranslation();
  const text = countText(count, i18n.language);
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true" className="zm-stat-withheld">
        ·
      </span>
      <span className="kern-sr-only">{t('statistics.withheld')}</span>
    </>
  );
}

export interface CountRow {
  key: string;
  label: string;
  count: StatisticsCount;
}

/**
 * A breakdown as a table with a bar per row: the table is the chart, so a screen reader reads
 * the same numbers the bars show (the bars themselves are hidden from it).
 */
export function CountTable({
  id,
  title,
  rowHeader,
  rows,
  total,
}: {
  id: string;
  title: string;
  rowHeader: string;
  rows: readonly CountRow[];
  /** The total row; undefined: the rows do not add up to one total. */
  total?: StatisticsCount;
}) {
  const { t } = useTranslation();
  const counts = rows.map((r) => r.count);
  return (
    <div className="zm-stat-scroll">
      <table className="kern-table kern-table--small zm-stat-table" data-testid={id}>
        <caption className="kern-title zm-stat-caption">{title}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {rowHeader}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('statistics.count')}
            </th>
            <th scope="col" className="kern-table__header zm-stat-bar-head">
              <span className="kern-sr-only">{t('statistics.bar')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr className="kern-table__row" key={row.key} data-key={row.key}>
              <th scope="row" className="kern-table__header zm-stat-label">
                {row.label}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                <Count count={row.count} />
              </td>
              <td className="kern-table__cell zm-stat-bar-cell">
                <Bar share={barShare(row.count, counts)} withheld={row.count === null} />
              </td>
            </tr>
          ))}
          {total !== undefined ? (
            <tr className="kern-table__row zm-stat-total" data-key="total">
              <th scope="row" className="kern-table__header">
                {t('statistics.total')}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                <Count count={total} />
              </td>
              <td className="kern-table__cell" />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** A horizontal bar (inline SVG, hidden from screen readers: the number is in the row). */
function Bar({ share, withheld }: { share: number; withheld: boolean }) {
  return (
    <svg
      className="zm-stat-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {/* a withheld count draws no bar: its row says why */}
      {withheld ? null : (
        <rect x="0" y="0" width={Math.max(share * 100, share > 0 ? 1 : 0)} height="10" />
      )}
    </svg>
  );
}
