// `npm start`: build if needed, then run the server in this process's place.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt(['api', 'web']);
const server = spawn(
  process.execPath,
  [path.resolve(import.meta.dirname, '../apps/api/dist/server.js')],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
