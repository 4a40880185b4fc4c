import type { CurrentUser } from '@zemag/contracts';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { AdminLayout } from './admin-layout';
import { countDataRows, readCsvFile } from '../../ui/csv-file';
import type { ImportKind, ImportReport } from './import-report';
import { ImportReportView } from './import-report.view';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

const HEADERS: Record<ImportKind, string> = {
  departments: 'code;name;parent_code;contact;phone;lookup_authorised;lookup_reason',
  users: 'username;display_name;department_code;roles',
};

interface Picked {
  name: string;
  text: string;
  rows: number;
  encoding: string;
}

/**
 * CSV import of departments or accounts: the file is read in the browser, a dry run shows
 * what would happen, and only an error-free dry run can be applied.
 */
export function ImportPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const kinds = (['departments', 'users'] as const).filter((kind) =>
    user.abilities.includes(kind === 'departments' ? 'department.manage' : 'user.manage'),
  );
  return (
    <AdminLayout
      user={user}
      current="import"
      title={t('admin.import.title')}
      intro={t('admin.import.intro')}
    >
      {kinds.map((kind) => (
        <ImportSection key={kind} kind={kind} />
      ))}
    </AdminLayout>
  );
}

function ImportSection({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const id = `import-${kind}`;

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPicked(null);
    setReport(null);
    setFailure(null);
    setFileError(null);
    if (!file) return;
    const read = await readCsvFile(file);
    if (!read.ok) {
      setFileError(t(`admin.import.fileError.${read.reason}`));
      return;
    }
    setPicked({
      name: file.name,
      text: read.text,
      rows: countDataRows(read.text),
      encoding: read.encoding,
    });
  }

  async function run(dryRun: boolean) {
    if (!picked || busy) return;
    setBusy(dryRun ? 'dry' : 'apply');
    setFailure(null);
    try {
      setReport(await admin.importCsv(kind, picked.text, dryRun));
    } catch (error) {
      setFailure(problemMessage(asApiError(error), translator));
    }
    setBusy(null);
  }

  const canApply = report !== null && report.dryRun && report.errors.length === 0;
  return (
    <section className="zm-panel kern-stack-md" aria-labelledby={`${id}-title`}>
      <h2 className="kern-heading-medium" id={`${id}-title`}>
        {t(`admin.import.${kind}.title`)}
      </h2>
      <p className="kern-body">{t(`admin.import.${kind}.intro`)}</p>
      <div className="kern-stack-xs">
        <p className="kern-body kern-body--bold">{t('admin.import.header')}</p>
        <pre className="zm-code">
          <code>{HEADERS[kind]}</code>
        </pre>
        <p className="kern-body kern-body--small kern-body--muted">
          {t(`admin.import.${kind}.columns`)}
        </p>
      </div>
      <div className={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor={`${id}-file`}>
          {t('admin.import.file')}
        </label>
        <div className="kern-hint" id={`${id}-file-hint`}>
          {t('admin.import.fileHint')}
        </div>
        <input
          id={`${id}-file`}
          name={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          className="zm-file-input"
          aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => void pick(event)}
        />
        {fileError ? (
          <p className="kern-error" id={`${id}-file-error`}>
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-body">{fileError}</span>
          </p>
        ) : null}
      </div>
      {picked ? (
        <p className="kern-body" role="status">
          {t('admin.import.picked', { name: picked.name, count: picked.rows })}
          {picked.encoding !== 'utf-8' ? ` ${t('admin.import.latin1')}` : ''}
        </p>
      ) : null}
      <div className="zm-actions">
        <Button
          variant="secondary"
          label={busy === 'dry' ? t('admin.common.working') : t('admin.import.dryRun')}
          aria-disabled={!picked || busy !== null || undefined}
          onClick={() => void run(true)}
        />
        <Button
          label={busy === 'apply' ? t('admin.common.working') : t('admin.import.apply')}
          aria-disabled={!canApply || busy !== null || undefined}
          aria-describedby={canApply ? undefined : `${id}-apply-hint`}
          onClick={() => {
            if (canApply) void run(false);
          }}
        />
      </div>
      {!canApply && !report?.applied ? (
        <p className="kern-body kern-body--small kern-body--muted" id={`${id}-apply-hint`}>
          {t('admin.import.applyHint')}
        </p>
      ) : null}
      {failure ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{failure}</p>
        </Alert>
      ) : null}
      {report ? <ImportReportView report={report} kind={kind} /> : null}
    </section>
  );
}
