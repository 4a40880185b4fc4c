import type { SsoConfig, SsoErrorCode } from '@zemag/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { errorKey } from '../../api/problem-message';
import { Alert } from '../../ui/alert';
import { returnPathStorage } from '../identity/return-after-sso';
import { pathAfterSignIn, rememberReturnPath } from '../identity/return-path';
import { fetchSsoConfig, SSO_START_PATH, takeSsoError } from './sso.api';

// The default label from the server's settings: shown translated; a city's own text as it is.
const DEFAULT_LABEL = 'Mit Dienstkonto anmelden';

/** Reads a failed single sign-on's code from the address once and removes it from history. */
function useSsoError(): SsoErrorCode | null {
  const [code] = useState(() => {
    const taken = takeSsoError(window.location);
    if (taken.cleanUrl !== null) {
      window.history.replaceState(window.history.state, '', taken.cleanUrl);
    }
    return taken.code;
  });
  return code;
}

/**
 * "Sign in with your organisation account" on the sign-in page, when the server offers single
 * sign-on, and the explanation when one failed. Local accounts stay available below it.
 */
export function SsoSignIn() {
  const { t } = useTranslation();
  const api = useApi();
  const error = useSsoError();
  const [config, setConfig] = useState<SsoConfig | null>(null);

  useEffect(() => {
    let active = true;
    // Without the answer there is simply no button: the local form works as before.
    fetchSsoConfig(api)
      .then((answer) => active && setConfig(answer))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [api]);

  const label = config?.label && config.label !== DEFAULT_LABEL ? config.label : t('sso.button');
  return (
    <>
      {error ? (
        <Alert variant="danger" title={t('sso.failedTitle')} role="alert">
          <p className="kern-body">{t(errorKey(error))}</p>
        </Alert>
      ) : null}
      {config?.enabled ? (
        <div className="kern-stack-md">
          {/* A link, not fetch: the browser itself must go to the identity provider and back. */}
          <a
            className="kern-btn kern-btn--primary kern-btn--block"
            href={SSO_START_PATH}
            // The server returns to the start page; the app goes on to the requested page.
            onClick={() =>
              rememberReturnPath(returnPathStorage(), pathAfterSignIn(window.location), new Date())
            }
          >
            <span className="kern-label">{label}</span>
          </a>
          <p className="kern-body">{t('sso.orLocal')}</p>
        </div>
      ) : null}
    </>
  );
}
