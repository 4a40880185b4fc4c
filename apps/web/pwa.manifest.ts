import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what an installed ZeMAG looks like on a phone or desktop. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'ZeMAG – Melde- und Auskunftssystem',
  short_name: 'ZeMAG',
  description:
    'Zentrales Melde- und Auskunftssystem bei Gefährdung von Mitarbeitenden der Stadtverwaltung',
  lang: 'de',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1a3da5',
  background_color: '#ffffff',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
};
