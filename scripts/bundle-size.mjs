// `node scripts/bundle-size.mjs [--dist apps/web/dist] [--write]`: bytes of the built web app.
// Prints one JSON line: JS, CSS and fonts in total (raw, gzip, brotli), and what the sign-in
// page and the field employee's start page load first (the entry with its static imports,
// plus the start page's chunk). Reads the chunk graph from dist/.vite/manifest.json; without
// it (an older build) every script counts as initial. --write also stores the line in
// bench/results/bundle.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'apps/web/dist') },
    write: { type: 'boolean', default: false },
  },
});
const dist = path.resolve(values.dist);

// Which source modules a page loads besides the entry (see apps/web/src/app/lazy-pages.tsx).
// index.html preloads the start page (apps/web/start-page.ts), so the sign-in page fetches it too.
const PAGES = {
  signIn: ['src/features/home/home.page.tsx'],
  fieldStart: ['src/features/home/home.page.tsx'],
};

function sizes(files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of new Set(files)) {
    const content = fs.readFileSync(path.join(dist, file));
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(content).length;
  }
  const kb = (n) => Math.round(n / 102.4) / 10;
  return { rawKB: kb(raw), gzipKB: kb(gzip), brotliKB: kb(brotli) };
}

function assets(extension) {
  const dir = path.join(dist, 'assets');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .map((name) => `assets/${name}`);
}

/** The files a chunk needs before it runs: itself, its static imports, and their CSS. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

function initial(manifest, extraModules) {
  if (!manifest) return { js: sizes(assets('.js')), css: sizes(assets('.css')) };
  const keys = new Set();
  for (const key of ['index.html', ...extraModules]) {
    if (!manifest[key]) throw new Error(`${key} is not in the build manifest`);
    closure(manifest, key, keys);
  }
  const chunks = [...keys].map((key) => manifest[key]);
  return {
    js: sizes(chunks.map((chunk) => chunk.file)),
    css: sizes(chunks.flatMap((chunk) => chunk.css ?? [])),
  };
}

const manifestFile = path.join(dist, '.vite/manifest.json');
const manifest = fs.existsSync(manifestFile)
  ? JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
  : null;
const result = {
  measuredAt: new Date().toISOString(),
  total: {
    js: sizes(assets('.js')),
    css: sizes(assets('.css')),
    fonts: sizes(assets('.woff2')),
    serviceWorker: sizes(['sw.js']),
  },
  initial: Object.fromEntries(
    Object.entries(PAGES).map(([page, modules]) => [page, initial(manifest, modules)]),
  ),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
if (values.write) {
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/bundle.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
}
