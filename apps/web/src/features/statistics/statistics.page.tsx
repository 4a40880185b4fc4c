import type { StatisticsQuery, StatisticsReport } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { formFailure } from '../../ui/form-failure';
import { ResourceState } from '../../ui/resource-state';
import { saveFile } from '../../ui/save-file';
import { TextField } from '../../ui/text-field';
import { asApiError, useResource } from '../../ui/use-resource';
import { Count, CountTable } from './count-table';
import { keyLabel, LookupGrid } from './lookup-grid';
import { MonthChart } from './month-chart';
import { monthName } from './statistics-format';
import { useStatisticsApi } from './statistics.api';
import './statistics.css';

const FIELDS = ['from', 'to'] as const;
const ID = 'stat-';

/**
 * Statistics for registrars and the data protection officer: reports, listings, persons
 * involved more than once and look-ups of a period, as charts and tables, and as a CSV file.
 * Counts below 5 are withheld, and so are counts that would give them away (the server
 * decides; the page shows a dot and says why).
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useStatisticsApi();
  const heading = usePage(t('statistics.title'));
  const [period, setPeriod] = useState<StatisticsQuery>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [resource, reload] = useResource(() => api.report(period), JSON.stringify(period));
  const labels = { from: t('statistics.period.from'), to: t('statistics.period.to') };
  const failure =
    resource.status === 'error' && resource.error.fieldErrors.length > 0
      ? formFailure(resource.error, FIELDS, translator, { idPrefix: ID, labels })
      : null;
  const report = failure ? undefined : resource.data;
  const shown = report?.period;

  function show(event: FormEvent) {
    event.preventDefault();
    setExportError(null);
    setPeriod({
      ...(draft.from.trim() ? { from: draft.from.trim() } : {}),
      ...(draft.to.trim() ? { to: draft.to.trim() } : {}),
    });
  }

  async function exportCsv() {
    if (exporting) return;
    setExporting(true);
    setExportError(null);
    try {
      const { blob, fileName } = await api.exportCsv(period);
      saveFile(blob, fileName);
    } catch (error) {
      setExportError(problemMessage(asApiError(error), translator));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="zm-stat kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('statistics.title')}
        </h1>
        <p className="kern-body">{t('statistics.intro')}</p>
      </div>
      <Alert variant="info" title={t('statistics.rule.title')}>
        <p className="kern-body">{t('statistics.rule.text')}</p>
      </Alert>
      <section className="zm-panel kern-stack-md" aria-labelledby="stat-period-title">
        <h2 className="kern-heading-medium" id="stat-period-title">
          {t('statistics.period.title')}
        </h2>
        {failure ? (
          <ErrorSummary title={t('statistics.period.invalid')} items={failure.summary} />
        ) : null}
        <form className="zm-stat-form" onSubmit={show} noValidate>
          {FIELDS.map((field) => (
            <TextField
              key={field}
              id={`${ID}${field}`}
              label={labels[field]}
              hint={t('statistics.period.hint')}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('statistics.period.placeholder')}
              value={draft[field]}
              error={failure?.byField[field]}
              onValueChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
            />
          ))}
          <div className="zm-stat-actions">
            <Button type="submit" label={t('statistics.period.show')} />
          </div>
        </form>
        {shown ? (
          <p className="kern-body" role="status" data-testid="stat-period">
            {t('statistics.period.shown', {
              from: monthName(shown.from, translator.language),
              to: monthName(shown.to, translator.language),
            })}
          </p>
        ) : null}
        <div className="zm-stat-actions">
          <Button
            variant="secondary"
            icon="download"
            label={exporting ? t('statistics.export.working') : t('statistics.export.button')}
            aria-disabled={exporting || !report || undefined}
            onClick={() => void exportCsv()}
          />
        </div>
        {exportError ? (
          <Alert variant="danger" title={t('statistics.export.failed')} role="alert">
            <p className="kern-body">{exportError}</p>
          </Alert>
        ) : null}
      </section>
      {failure ? null : <ResourceState resource={resource} reload={reload} />}
      {report ? <Report report={report} /> : null}
    </div>
  );
}

function Report({ report }: { report: StatisticsReport }) {
  const { t, i18n } = useTranslation();
  const { incidents, listings, persons, lookups } = report;
  const words = (prefix: string) => (key: string) => t(`${prefix}.${key}`);
  const rowsOf = (
    rows: StatisticsReport['incidents']['byLevel']['rows'],
    label: (key: string) => string,
  ) => rows.map((r) => ({ key: r.key, label: label(r.key), count: r.count }));
  const level = (key: string) =>
    key === 'none'
      ? t('statistics.levelNone')
      : t('reports.level.badge', { level: key, name: t(`reports.level.name.${key}`) });
  return (
    <>
      <section className="zm-panel kern-stack-md" aria-labelledby="stat-incidents-title">
        <h2 className="kern-heading-medium" id="stat-incidents-title">
          {t('statistics.incidents.title')}
        </h2>
        <p className="kern-body zm-stat-headline" data-testid="stat-incidents-total">
          {t('statistics.incidents.total')}: <Count count={incidents.byMonth.total} />
        </p>
        <MonthChart series={incidents.byMonth} title={t('statistics.incidents.byMonth')} />
        <div className="zm-stat-grid-2">
          <CountTable
            id="stat-levels"
            title={t('statistics.incidents.byLevel')}
            rowHeader={t('statistics.level')}
            rows={rowsOf(incidents.byLevel.rows, level)}
            total={incidents.byLevel.total}
          />
          <CountTable
            id="stat-categories"
            title={t('statistics.incidents.byCategory')}
            rowHeader={t('statistics.category')}
            rows={rowsOf(incidents.byCategory.rows, words('reports.category'))}
          />
          <CountTable
            id="stat-departments"
            title={t('statistics.incidents.byDepartment')}
            rowHeader={t('statistics.department')}
            rows={incidents.byDepartment.rows.map((r) => ({
              key: r.key,
              label: keyLabel(r, i18n.language, t('statistics.noDepartment')),
              count: r.count,
            }))}
            total={incidents.byDepartment.total}
          />
          <CountTable
            id="stat-review"
            title={t('statistics.incidents.byReview')}
            rowHeader={t('statistics.reviewState')}
            rows={rowsOf(incidents.byReview.rows, words('statistics.review'))}
            total={incidents.byReview.total}
          />
        </div>
        <p className="kern-body kern-body--small kern-body--muted">
          {t('statistics.incidents.categoryNote')}
        </p>
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="stat-register-title">
        <h2 className="kern-heading-medium" id="stat-register-title">
          {t('statistics.register.title')}
        </h2>
        <div className="zm-stat-grid-2">
          <CountTable
            id="stat-listings"
            title={t('statistics.listings.title')}
            rowHeader={t('statistics.listings.figure')}
            rows={rowsOf(listings.rows, words('statistics.listings'))}
          />
          <CountTable
            id="stat-persons"
            title={t('statistics.persons.title')}
            rowHeader={t('statistics.persons.band')}
            rows={rowsOf(persons.rows, words('statistics.persons.bands'))}
            total={persons.total}
          />
        </div>
        <p className="kern-body kern-body--small kern-body--muted">
          {t('statistics.register.note')}
        </p>
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="stat-lookups-title">
        <h2 className="kern-heading-medium" id="stat-lookups-title">
          {t('statistics.lookups.title')}
        </h2>
        <LookupGrid grid={lookups} title={t('statistics.lookups.table')} />
        <p className="kern-body kern-body--small kern-body--muted">
          {t('statistics.lookups.note')}
        </p>
      </section>
    </>
  );
}
