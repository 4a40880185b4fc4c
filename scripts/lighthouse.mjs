// `node scripts/lighthouse.mjs [--url http://127.0.0.1:3935] [--port 3935] [--runs 3]`:
// Lighthouse mobile performance (default throttling) of the sign-in page and the field start
// page. Without --url it starts the built server (`npm run build` first) as a demo instance on
// --port with its own data directory, and stops it afterwards. Lighthouse 12.2.3 (the last
// release that runs on Node 20) comes through npx on first use; it is not part of `npm test`.
// Prints one JSON line per page (the median of --runs) and writes bench/results/lighthouse.json.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    port: { type: 'string', default: '3935' },
    runs: { type: 'string', default: '3' },
  },
});
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts dist/server.js as a demo instance and resolves once it is ready. */
function startDemoServer(port) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-lighthouse-'));
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: port,
      ZEMAG_DEMO: 'true',
      ZEMAG_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (/ZeMAG ready/.test(output)) resolve({ baseUrl: `http://127.0.0.1:${port}`, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** A session cookie of the demo's field employee (one-click demo sign-in). */
async function fieldSessionCookie(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username: 'demo.ordnungsdienst' }),
  });
  if (!response.ok) throw new Error(`demo sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function lighthouse(url, headers) {
  const args = [
    '--yes',
    'lighthouse@12.2.3',
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
    ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  // Lighthouse 12.2 with a newer Chromium now and then loses the trace's navigation start
  // (NO_NAVSTART) and exits with an error; such a run is repeated (at most three tries).
  let stdout;
  for (let attempt = 1; stdout === undefined; attempt += 1) {
    try {
      ({ stdout } = await promisify(execFile)('npx', args, {
        env: { ...process.env, CHROME_PATH: chromePath },
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      if (attempt >= 3 || !/NO_NAVSTART|Runtime error/.test(String(error.stderr ?? '')))
        throw error;
    }
  }
  const report = JSON.parse(stdout);
  const audit = (id) => report.audits[id]?.numericValue ?? null;
  const scripts = (report.audits['network-requests']?.details?.items ?? []).filter(
    (item) => item.resourceType === 'Script',
  );
  return {
    performance: Math.round((report.categories.performance.score ?? 0) * 100),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    fcpMs: Math.round(audit('first-contentful-paint')),
    scriptTransferKB: Math.round(scripts.reduce((sum, item) => sum + item.transferSize, 0) / 1024),
  };
}

function median(results) {
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

const server = values.url ? null : await startDemoServer(values.port);
const baseUrl = values.url ?? server.baseUrl;
try {
  const cookie = await fieldSessionCookie(baseUrl);
  const pages = [
    { page: 'sign-in', url: `${baseUrl}/sign-in`, headers: null },
    { page: 'field start', url: `${baseUrl}/`, headers: { Cookie: cookie } },
  ];
  const results = [];
  for (const { page, url, headers } of pages) {
    const runs = [];
    for (let i = 0; i < Number(values.runs); i += 1) runs.push(await lighthouse(url, headers));
    const result = {
      page,
      ...median(runs),
      runs: runs.map((run) => run.performance),
      lcpRunsMs: runs.map((run) => run.lcpMs),
      tbtRunsMs: runs.map((run) => run.tbtMs),
    };
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/lighthouse.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), lighthouse: '12.2.3', results }, null, 2)}\n`,
  );
} finally {
  await server?.stop();
}
