import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { App } from './app/app';
import { preloadPage } from './app/lazy-pages';
import { applyWebFontsIfCached } from './app/web-fonts';
import { loadDemoInfo } from './features/demo/use-demo-info';
import { preloadStartPage } from './features/home/home-panels';
import { loadSessionState } from './features/identity/session.provider';
import { createI18n } from './i18n/i18n';
import './styles/fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing in index.html');
applyWebFontsIfCached();

// Who is signed in and whether this is a demo are asked before the first render, in parallel
// with the texts and the code of the page opened: the first page drawn is the final one,
// nothing shifts in afterwards.
const api = createApiClient();
const [i18n, session] = await Promise.all([
  createI18n(),
  loadSessionState(api).then(async (state) => {
    if (state.status === 'signed-in' && window.location.pathname === '/')
      await preloadStartPage(state.session.user);
    return state;
  }),
  loadDemoInfo(api),
  preloadPage(window.location.pathname),
]);
// The first render runs as a transition, which React splits into slices of a few milliseconds:
// a slow phone stays responsive to taps while the page is drawn (Lighthouse: total blocking time).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} api={api} session={session} />
    </StrictMode>,
  );
});
