/// <reference types="node" />
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestTransform } from 'workbox-build';

/**
 * The parts of the app a phone needs without a connection (see src/app/lazy-pages.tsx): the
 * start page, reporting, the look-up and the visit list, the offline start, English. The
 * registrars', the data-protection and the administration pages need the server anyway; they
 * are not precached, so a field employee's phone never downloads their code.
 */
const OFFLINE_MODULES = [
  'src/features/home/home.page.tsx',
  'src/features/incidents/incidents.routes.tsx',
  'src/features/incidents/offline-outbox-notice.tsx',
  'src/features/lookup/lookup.routes.tsx',
  'src/features/visits/visit-list.page.tsx',
  'src/i18n/catalogue.en.ts',
];

interface ViteChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The files a chunk needs: itself, its static imports and their CSS. */
function filesOf(
  manifest: Record<string, ViteChunk>,
  key: string,
  into: Set<string>,
  seen = new Set<string>(),
) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return;
  seen.add(key);
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOf(manifest, imported, into, seen);
}

/**
 * A workbox manifest transform that keeps fonts, html and icons and, of the scripts and styles,
 * only the entry and the offline parts. Reads the chunk graph from dist/.vite/manifest.json.
 */
export function offlinePrecache(distDir: string): ManifestTransform {
  return (entries) => {
    const manifestFile = path.join(distDir, '.vite/manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ViteChunk>;
    const keep = new Set<string>();
    const entryKeys = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
    for (const key of [...entryKeys, ...OFFLINE_MODULES]) {
      if (!manifest[key]) throw new Error(`precache: ${key} is not in the build manifest`);
      filesOf(manifest, key, keep);
    }
    const isCode = (url: string) => /\.(js|css)$/.test(url) && url.startsWith('assets/');
    return { manifest: entries.filter((entry) => !isCode(entry.url) || keep.has(entry.url)) };
  };
}
