// `node scripts/split-i18n.mjs`: moves the German texts of the registrars' and the
// administration's pages out of apps/web/src/i18n/de.json into i18n/parts/<part>.de.json, which
// load with those pages (i18n/text-parts.ts): a field employee's phone never downloads them.
// Idempotent: texts added to de.json under a moved key later are merged into the part file.
// English stays one file (loaded whole when chosen).
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../apps/web/src/i18n');

/** part -> top-level keys of de.json it takes; `stay` lists second-level keys used app-wide. */
const PARTS = {
  review: { keys: ['review', 'correction'] },
  subjectRequests: { keys: ['subjectRequests'] },
  admin: { keys: ['admin'], stay: { admin: ['common', 'nav', 'home', 'header'] } },
};

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const write = (file, data) => fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'object' && value !== null && typeof target[key] === 'object')
      merge(target[key], value);
    else target[key] = value;
  }
  return target;
}

const mainFile = path.join(dir, 'de.json');
const main = read(mainFile);
for (const [part, { keys, stay = {} }] of Object.entries(PARTS)) {
  const partFile = path.join(dir, 'parts', `${part}.de.json`);
  const moved = read(partFile);
  for (const key of keys) {
    if (!(key in main)) continue;
    const kept = {};
    const taken = {};
    for (const [sub, value] of Object.entries(main[key])) {
      if ((stay[key] ?? []).includes(sub)) kept[sub] = value;
      else taken[sub] = value;
    }
    merge((moved[key] ??= {}), taken);
    if (Object.keys(kept).length > 0) main[key] = kept;
    else delete main[key];
  }
  fs.mkdirSync(path.dirname(partFile), { recursive: true });
  write(partFile, moved);
}
write(mainFile, main);
