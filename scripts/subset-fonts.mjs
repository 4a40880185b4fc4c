// `node scripts/subset-fonts.mjs <dir with subset-font installed>`: writes the Fira Sans faces
// the app uses (400, 500, 600) to apps/web/src/styles/fonts/, cut down to Latin, Latin-1,
// Latin Extended-A and punctuation (German and the names of most European registers: about a
// fifth of the full font). Other scripts fall back to the system font. Run it once after a
// @kern-ux/native update: `npm i --prefix /tmp/subset -E subset-font@2.9.0` first.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolDir = process.argv[2];
if (!toolDir) throw new Error('usage: node scripts/subset-fonts.mjs <dir with subset-font>');
const subsetFont = createRequire(path.join(path.resolve(toolDir), 'package.json'))('subset-font');

const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];
const text = RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
).join('');

const source = path.join(root, 'node_modules/@kern-ux/native/dist/fonts/fira-sans');
const target = path.join(root, 'apps/web/src/styles/fonts');
fs.mkdirSync(target, { recursive: true });
for (const face of ['Regular', 'Medium', 'SemiBold']) {
  const full = fs.readFileSync(path.join(source, `FiraSans-${face}.woff2`));
  const subset = await subsetFont(full, text, { targetFormat: 'woff2' });
  fs.writeFileSync(path.join(target, `FiraSans-${face}-latin.woff2`), subset);
  process.stdout.write(`FiraSans-${face}: ${full.length} → ${subset.length} bytes\n`);
}
