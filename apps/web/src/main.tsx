import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPage } from './app/lazy-pages';
import { createI18n } from './i18n/i18n';
import './styles/fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing in index.html');

preloadPage(window.location.pathname);

const i18n = await createI18n();
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
