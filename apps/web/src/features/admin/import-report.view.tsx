import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { ColumnHeads } from '../../ui/column-heads';
import type { ImportKind, ImportReport } from './import-report';

/** Counts and, when the file has problems, one table row per problem (row, column, message). */
export function ImportReportView({ report, kind }: { report: ImportReport; kind: ImportKind }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.toLowerCase().startsWith('en');
  const hasErrors = report.errors.length > 0;
  const title = hasErrors
    ? t('admin.import.reportErrors', { count: report.errors.length })
    : report.applied
      ? t('admin.import.reportApplied')
      : t('admin.import.reportDry');
  const counts = [
    ['rows', report.rows],
    ['created', report.created],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
  ] as const;
  return (
    <div className="kern-stack-md">
      <Alert
        variant={hasErrors ? 'danger' : report.applied ? 'success' : 'info'}
        title={title}
        role={hasErrors ? 'alert' : 'status'}
      >
        <p className="kern-body">
          {hasErrors
            ? t('admin.import.nothingApplied')
            : report.applied
              ? t(`admin.import.${kind}.applied`)
              : t('admin.import.dryRunOk')}
        </p>
      </Alert>
      <dl className="kern-description-list zm-counts">
        {counts.map(([name, value]) => (
          <div key={name} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t(`admin.import.count.${name}`)}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      {hasErrors ? (
        <table className="kern-table kern-table--small zm-table zm-table--stack">
          <caption className="kern-title kern-title--small">
            {t('admin.import.errorsTitle')}
          </caption>
          <ColumnHeads
            columns={[
              { label: t('admin.import.row'), numeric: true },
              t('admin.import.field'),
              t('admin.import.message'),
            ]}
          />
          <tbody className="kern-table__body">
            {report.errors.map((error, index) => (
              <tr key={`${error.row}-${error.field}-${index}`} className="kern-table__row">
                <td
                  className="kern-table__cell kern-table__cell--numeric"
                  data-label={t('admin.import.row')}
                >
                  {error.row}
                </td>
                <td className="kern-table__cell" data-label={t('admin.import.field')}>
                  <code>{error.field}</code>
                </td>
                <td className="kern-table__cell" data-label={t('admin.import.message')}>
                  {english ? error.message.en : error.message.de}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
