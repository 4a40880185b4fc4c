// `npm run -s zemag -- <command>`: the ZeMAG command line (apps/api/src/cli.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt(['api']);
const cli = spawn(
  process.execPath,
  [path.resolve(import.meta.dirname, '../apps/api/dist/cli.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
