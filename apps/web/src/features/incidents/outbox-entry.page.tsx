import type { CurrentUser } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { navigate } from '../../app/router';
import { usePage } from '../../app/use-page';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Loading } from '../../ui/loading';
import { NewReportPage } from './new-report.page';
import { browserOutbox } from './outbox.browser';
import { OutboxNotice } from './outbox-notice';
import { draftFrom } from './report-form.model';
import { ReportView } from './report-view';
import { useOutbox } from './use-outbox';

/**
 * A report still on this device. A refused one opens in the form to be corrected; a pending
 * one can only be sent or deleted — changing it could store it twice if an earlier attempt
 * already arrived.
 */
export function OutboxEntryPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t } = useTranslation();
  const { entries } = useOutbox(user.id);
  const entry = entries?.find((e) => e.id === id);
  const [confirming, setConfirming] = useState(false);
  const heading = usePage(t('reports.device.title'));

  if (!entries) return <Loading />;
  if (entry?.state === 'invalid') {
    return (
      <NewReportPage
        ownerId={user.id}
        entry={{ id: entry.id, draft: draftFrom(entry.report), problems: entry.problems }}
      />
    );
  }
  return (
    <div className="zm-narrow zm-report-page kern-stack-lg">
      <div className="kern-stack-xs">
        <p className="kern-body">
          <AppLink href="/reports" className="kern-link">
            <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
            {t('reports.detail.back')}
          </AppLink>
        </p>
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('reports.device.title')}
        </h1>
      </div>
      {entry ? (
        <>
          <OutboxNotice ownerId={user.id} showLink={false} />
          <ReportView report={entry.report} />
          <div className="zm-actions">
            <Button
              variant="secondary"
              icon="delete"
              label={t('reports.device.delete')}
              onClick={() => setConfirming(true)}
            />
          </div>
          <Dialog
            open={confirming}
            title={t('reports.device.deleteTitle')}
            closeLabel={t('reports.dialogClose')}
            onClose={() => setConfirming(false)}
            footer={
              <div className="zm-actions">
                <Button
                  label={t('reports.device.deleteConfirm')}
                  onClick={() => {
                    void browserOutbox()
                      .remove(entry.id)
                      .then(() => navigate('/reports', { replace: true }));
                  }}
                />
                <Button
                  variant="secondary"
                  label={t('reports.detail.cancel')}
                  onClick={() => setConfirming(false)}
                />
              </div>
            }
          >
            <p className="kern-body">{t('reports.device.deleteText')}</p>
          </Dialog>
        </>
      ) : (
        <Alert variant="info" title={t('reports.device.gone')} role="status">
          <p className="kern-body">
            <AppLink href="/reports" className="kern-link">
              {t('reports.mine.title')}
            </AppLink>
          </p>
        </Alert>
      )}
    </div>
  );
}
