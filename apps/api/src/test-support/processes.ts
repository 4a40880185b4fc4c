import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const apiDir = path.resolve(import.meta.dirname, '../..');
export const serverJs = path.join(apiDir, 'dist/server.js');
export const cliJs = path.join(apiDir, 'dist/cli.js');

/** The process tier runs the built server; `npm test` builds before it tests. */
export function assertBuilt() {
  for (const file of [serverJs, cliJs]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
}

export interface RunningServer {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `dist/server.js` and resolves once it listens (or rejects with its output). */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [serverJs], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && /ZeMAG ready/.test(output)) {
        resolve({
          process: child,
          baseUrl: match[1],
          output: () => output,
          async stop(signal = 'SIGTERM') {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/**
 * Waits until the server printed something matching `pattern`, or fails when it exits first.
 * No time budget: on a busy machine a start may take long, and the test's hang guard
 * (vitest.config.ts, project `process`) stops one that never comes.
 */
export function waitForOutput(server: RunningServer, pattern: RegExp): Promise<RegExpExecArray> {
  const child = server.process;
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    // startServer's own listener came first, so output() already holds the new chunk.
    function onData() {
      const match = pattern.exec(server.output());
      if (!match) return;
      stopListening();
      resolve(match);
    }
    function onExit(code: number | null) {
      stopListening();
      reject(
        new Error(`server exited with ${code} before printing ${pattern}:\n${server.output()}`),
      );
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    onData();
    if (child.exitCode !== null) onExit(child.exitCode);
  });
}

/** Runs the CLI to completion. */
export function runCli(args: string[], env: Record<string, string>, stdin = '') {
  const child = spawn(process.execPath, [cliJs, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}
