import type { Factor, FactorList } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Loading } from '../../ui/loading';
import { formatDateTime } from '../../ui/format';
import { useAdminApi } from './use-admin-api';
import { asApiError, useResource } from '../../ui/use-resource';

/**
 * A user's second factors as an administrator sees them (never a secret), with revocation for
 * a lost or stolen device. The server ends the user's sessions when a factor is revoked.
 */
export function UserFactorsSection({ userId, name }: { userId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [resource, reload] = useResource(() => admin.factors(userId), `factors-${userId}`);
  const [revoking, setRevoking] = useState<Factor | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list: FactorList | undefined = resource.data;

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    setFailure(null);
    try {
      await admin.revokeFactor(userId, revoking.id);
      setNotice(t('admin.factors.revoked', { label: revoking.label, name }));
      setRevoking(null);
      reload();
    } catch (error) {
      setFailure(problemMessage(asApiError(error), translator));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="zm-panel kern-stack-md" aria-labelledby="factors-title">
      <h2 className="kern-heading-medium" id="factors-title">
        {t('admin.factors.title')}
      </h2>
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {resource.status === 'error' ? (
        <Alert variant="danger" title={problemMessage(resource.error, translator)} role="alert" />
      ) : null}
      {!list && resource.status === 'loading' ? <Loading /> : null}
      {list && list.factors.length === 0 ? (
        <p className="kern-body">{t('admin.factors.none')}</p>
      ) : null}
      {list && list.factors.length > 0 ? (
        <ul className="zm-factor-list kern-stack-sm">
          {list.factors.map((factor) => (
            <li key={factor.id} className="kern-stack-xs">
              <p className="kern-body kern-body--bold">
                {factor.label} ({t(`admin.factors.kind.${factor.kind}`)})
              </p>
              <p className="kern-body kern-body--muted">
                {t('admin.factors.created', {
                  date: formatDateTime(factor.createdAt, i18n.language),
                })}
                {factor.lastUsedAt
                  ? ` · ${t('admin.factors.lastUsed', {
                      date: formatDateTime(factor.lastUsedAt, i18n.language),
                    })}`
                  : ''}
              </p>
              <div>
                <Button
                  variant="secondary"
                  icon="close"
                  label={t('admin.factors.revokeNamed', { label: factor.label })}
                  onClick={() => {
                    setFailure(null);
                    setRevoking(factor);
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {list ? (
        <p className="kern-body">
          {t('admin.factors.codesLeft', { count: list.recoveryCodesLeft })}
        </p>
      ) : null}
      <Dialog
        open={revoking !== null}
        title={t('admin.factors.revokeTitle')}
        closeLabel={t('admin.common.close')}
        onClose={() => setRevoking(null)}
        footer={
          <>
            <Button
              variant="secondary"
              label={t('admin.common.cancel')}
              onClick={() => setRevoking(null)}
            />
            <Button
              variant="primary"
              label={t('admin.factors.revoke')}
              aria-disabled={busy}
              onClick={() => void revoke()}
            />
          </>
        }
      >
        <p className="kern-body">
          {t('admin.factors.revokeText', { label: revoking?.label ?? '', name })}
        </p>
        {failure ? <Alert variant="danger" title={failure} role="alert" /> : null}
      </Dialog>
    </section>
  );
}
