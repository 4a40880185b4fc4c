import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { ApiContext } from '../api/api.context';
import type { SessionState } from '../features/identity/session.context';
import { SessionProvider } from '../features/identity/session.provider';
import { AppShell } from './app-shell';

/** The whole app: providers around the shell. */
export function App({
  i18n,
  api,
  session,
}: {
  i18n: i18n;
  api: ApiClient;
  session?: SessionState;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiContext value={api}>
        <SessionProvider initial={session}>
          <AppShell />
        </SessionProvider>
      </ApiContext>
    </I18nextProvider>
  );
}
