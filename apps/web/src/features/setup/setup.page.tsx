import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { fetchSetupStatus } from './setup.api';
import { SetupForm } from './setup.form';
import { captureSetupToken } from './setup-token';

type Status =
  | { kind: 'loading' }
  | { kind: 'required' }
  | { kind: 'done' }
  | { kind: 'failed'; error: ApiError };

/** First run: create the first administrator with the link the server printed. */
export function SetupPage() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const heading = usePage(t('setup.title'));
  const [token, setToken] = useState(captureSetupToken);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  // A link pasted into a tab that already shows /setup only changes the fragment.
  useEffect(() => {
    const onHashChange = () => setToken(captureSetupToken());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchSetupStatus(api).then(
      ({ required }) => {
        if (!cancelled) setStatus({ kind: required ? 'required' : 'done' });
      },
      (error: unknown) => {
        if (cancelled) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError({ status: 0, code: 'client.unexpected_response' });
        setStatus({ kind: 'failed', error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, token]);

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('setup.title')}
        </h1>
        {status.kind === 'required' && token ? (
          <p className="kern-body">{t('setup.intro')}</p>
        ) : null}
      </div>
      {status.kind === 'loading' ? <Loading /> : null}
      {status.kind === 'failed' ? (
        <Alert variant="danger" title={t('setup.statusFailedTitle')} role="alert">
          <p className="kern-body">{problemMessage(status.error, translator)}</p>
        </Alert>
      ) : null}
      {status.kind === 'done' ? (
        <>
          <Alert variant="info" title={t('setup.notRequiredTitle')} role="status">
            <p className="kern-body">{t('setup.notRequiredBody')}</p>
          </Alert>
          <p className="kern-body">
            <AppLink className="kern-link" href="/sign-in">
              {t('setup.toSignIn')}
            </AppLink>
          </p>
        </>
      ) : null}
      {status.kind === 'required' && !token ? (
        <Alert variant="warning" title={t('setup.noTokenTitle')} role="status">
          <p className="kern-body">{t('setup.noTokenBody')}</p>
        </Alert>
      ) : null}
      {status.kind === 'required' && token ? <SetupForm token={token} /> : null}
    </div>
  );
}
