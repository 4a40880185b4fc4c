import type { StatisticsGrid, StatisticsKey } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Count } from './count-table';

/** A department's or reason's name in the language; `-`: without a department. */
export function keyLabel(key: StatisticsKey, language: string, none: string): string {
  if (key.label) return language.startsWith('en') ? key.label.en : key.label.de;
  return key.key === '-' ? none : key.key;
}

/** Look-ups by department (rows) and reason (columns), with their totals. */
export function LookupGrid({ grid, title }: { grid: StatisticsGrid; title: string }) {
  const { t, i18n } = useTranslation();
  const none = t('statistics.noDepartment');
  if (grid.rows.length === 0) {
    return (
      <div className="kern-stack-xs">
        <h3 className="kern-heading-small">{title}</h3>
        <p className="kern-body zm-empty">{t('statistics.lookups.none')}</p>
      </div>
    );
  }
  return (
    <div
      className="zm-stat-scroll"
      role="region"
      aria-label={title}
      tabIndex={0}
      data-testid="stat-lookups"
    >
      <table className="kern-table kern-table--small zm-stat-table zm-stat-grid">
        <caption className="kern-title zm-stat-caption">{title}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('statistics.department')}
            </th>
            {grid.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className="kern-table__header kern-table__header--numeric"
              >
                {keyLabel(c, i18n.language, none)}
              </th>
            ))}
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('statistics.total')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {grid.rows.map((row, i) => (
            <tr key={row.key} className="kern-table__row">
              <th scope="row" className="kern-table__header zm-stat-label">
                {keyLabel(row, i18n.language, none)}
              </th>
              {grid.columns.map((c, j) => (
                <td key={c.key} className="kern-table__cell kern-table__cell--numeric">
                  <Count count={grid.cells[i]![j]!} />
                </td>
              ))}
              <td className="kern-table__cell kern-table__cell--numeric zm-stat-total-cell">
                <Count count={grid.rowTotals[i]!} />
              </td>
            </tr>
          ))}
          <tr className="kern-table__row zm-stat-total">
            <th scope="row" className="kern-table__header">
              {t('statistics.total')}
            </th>
            {grid.columns.map((c, j) => (
              <td key={c.key} className="kern-table__cell kern-table__cell--numeric">
                <Count count={grid.columnTotals[j]!} />
              </td>
            ))}
            <td className="kern-table__cell kern-table__cell--numeric">
              <Count count={grid.total} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
