import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { saveFile } from '../../ui/save-file';
import { asApiError, useResource } from '../../ui/use-resource';
import { useRecordsApi } from './records.api';
import { RecordsSections } from './records-sections';
import './records.css';

/**
 * The record of processing activities (Art. 30 GDPR) as the server runs: for the data
 * protection officer and the administrators; every opening and every download is audited.
 */
export function RecordsPage() {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useRecordsApi();
  const heading = usePage(t('records.title'));
  const [resource, reload] = useResource(api.read, 'records');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  async function download() {
    if (exporting) return;
    setExporting(true);
    setExportError(null);
    try {
      const { blob, fileName } = await api.exportMarkdown();
      saveFile(blob, fileName);
    } catch (error) {
      setExportError(problemMessage(asApiError(error), translator));
    } finally {
      setExporting(false);
    }
  }

  const record = resource.status === 'ready' ? resource.data : null;
  return (
    <div className="zm-records kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('records.title')}
        </h1>
        <p className="kern-body">{t('records.intro')}</p>
      </div>
      <div className="kern-stack-xs zm-records-download">
        <Button
          variant="primary"
          icon="download"
          label={exporting ? t('records.download.working') : t('records.download.button')}
          aria-disabled={exporting || undefined}
          onClick={() => void download()}
        />
        <p className="kern-body kern-body--small kern-body--muted">{t('records.download.hint')}</p>
        {exportError ? (
          <Alert variant="danger" title={t('records.download.failed')} role="alert">
            <p className="kern-body">{exportError}</p>
          </Alert>
        ) : null}
      </div>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? (
        <Alert variant="danger" title={problemMessage(resource.error, translator)} role="alert">
          <Button variant="secondary" label={t('app.retry')} onClick={reload} />
        </Alert>
      ) : null}
      {record ? (
        <>
          <p className="kern-body kern-body--small kern-body--muted" data-testid="records-date">
            {t('records.generated', { date: formatDate(record.date, i18n.language) })}
          </p>
          {record.notes.length > 0 ? (
            <Alert variant="warning" title={t('records.notes')}>
              <ul className="kern-list zm-records-list" data-testid="records-notes" lang="de">
                {record.notes.map((note) => (
                  <li key={note.code} className="kern-body">
                    {note.text}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {i18n.language.startsWith('de') ? null : (
            <p className="kern-body kern-body--small">{t('records.germanContent')}</p>
          )}
          <RecordsSections record={record} />
        </>
      ) : null}
    </div>
  );
}
