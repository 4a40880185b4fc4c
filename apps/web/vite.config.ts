import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { kernUnused } from './kern-css.ts';
import { manifest } from './pwa.manifest.ts';
import { offlinePrecache } from './pwa.precache.ts';
import { startPageGroup, startPagePreload } from './start-page.ts';

/**
 * The PWA shell. The service worker (src/sw.ts) precaches only the app shell (html, js, css,
 * fonts, icons) and never caches an API response: register data must not outlive the session
 * on a device. It also sends the encrypted report outbox through Background Sync.
 */
/** What nearly every first load shows (field staff are most users); see start-page.ts. */
const START_PAGE = 'src/features/home/home.page.tsx';

export default defineConfig({
  // Import the contracts' TypeScript source, so no prebuild of packages/contracts is needed.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Only the KERN rules the app uses (kern-css.ts).
  css: {
    postcss: {
      plugins: [
        kernUnused([
          path.resolve(import.meta.dirname, 'index.html'),
          path.resolve(import.meta.dirname, 'src/**/*.{ts,tsx}'),
        ]),
      ],
    },
  },
  // The manifest (dist/.vite/manifest.json) maps source modules to chunks: scripts/bundle-size.mjs
  // and the code-splitting journey read it.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      // What the first page needs besides the entry in one file (one request instead of fifteen
      // small ones); each part of the app (app/lazy-pages.tsx) stays a chunk of its own.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              tags: ['$initial'],
              test: (id) => !/\/(index\.html|src\/main\.tsx)$/.test(id),
            },
            {
              name: startPageGroup(
                path.resolve(import.meta.dirname, START_PAGE),
                path.resolve(import.meta.dirname, 'src') + path.sep,
              ),
            },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    startPagePreload(START_PAGE),
    VitePWA({
      registerType: 'autoUpdate',
      // An external registerSW.js (the CSP allows no inline script), deferred: it must not hold
      // up the first paint.
      injectRegister: 'script-defer',
      // Our own service worker (src/sw.ts): the precache below plus Background Sync of the
      // report outbox; workbox injects the list of shell files.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest,
      injectManifest: {
        // Icons and the favicon come from includeAssets and the manifest.
        globPatterns: ['**/*.{html,js,css,woff2}'],
        // Of the code, only what works offline (pwa.precache.ts).
        manifestTransforms: [offlinePrecache(path.resolve(import.meta.dirname, 'dist'))],
      },
    }),
  ],
});
