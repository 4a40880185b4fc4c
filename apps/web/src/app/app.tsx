import type { i18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from '../api/api-client';
import { ApiContext } from '../api/api.context';
import { SessionProvider } from '../features/identity/session.provider';
import { AppShell } from './app-shell';

/** The whole app: providers around the shell. */
export function App({ i18n }: { i18n: i18n }) {
  const api = useMemo(() => createApiClient(), []);
  return (
    <I18nextProvider i18n={i18n}>
      <ApiContext value={api}>
        <SessionProvider>
          <AppShell />
        </SessionProvider>
      </ApiContext>
    </I18nextProvider>
  );
}
