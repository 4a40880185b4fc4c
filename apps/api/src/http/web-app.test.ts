import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

const SCRIPT = `console.log(${JSON.stringify('ZeMAG '.repeat(400))});`;
const PAGE = `<!doctype html><title>ZeMAG</title>${'<!-- shell -->'.repeat(100)}`;

/** A built web app in miniature: each file with the brotli and gzip copies the build writes. */
function writeWebDir(dir: string) {
  const write = (name: string, content: string, compressed = true) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
    if (!compressed) return;
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(content));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(content));
  };
  write('index.html', PAGE);
  write('assets/shell-1234abcd.js', SCRIPT);
  write('sw.js', SCRIPT);
  write('robots.txt', 'User-agent: *\nDisallow: /\n', false);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain HTTP GET that leaves decoding to the test. */
function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

describe('the web app over HTTP', () => {
  let webDir: string;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-web-app-'));
    writeWebDir(webDir);
    app = Fastify();
    await registerWebApp(app, { webDir });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('sends a hashed script brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const answer = await get(port, '/assets/shell-1234abcd.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 5);
  });

  it('sends gzip to a client without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await get(port, '/assets/shell-1234abcd.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get(port, '/assets/shell-1234abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('sends the app page compressed and revalidated, for every page path', async () => {
    for (const urlPath of ['/', '/reports/new']) {
      const answer = await get(port, urlPath, { 'accept-encoding': 'br' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/text\/html/);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(PAGE);
    }
  });

  it('keeps the service worker revalidated so an update reaches phones', async () => {
    const answer = await get(port, '/sw.js', { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('answers a repeated request with 304 Not Modified, per encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const first = await get(port, '/assets/shell-1234abcd.js', { 'accept-encoding': encoding });
      expect(first.headers.etag).toBeDefined();
      const again = await get(port, '/assets/shell-1234abcd.js', {
        'accept-encoding': encoding,
        'if-none-match': String(first.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
    const page = await get(port, '/', { 'accept-encoding': 'br' });
    const pageAgain = await get(port, '/', {
      'accept-encoding': 'br',
      'if-none-match': String(page.headers.etag),
    });
    expect(pageAgain.status).toBe(304);
  });

  it('serves robots.txt as text telling crawlers to stay away', async () => {
    const answer = await get(port, '/robots.txt');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body.toString()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('answers /metrics, unknown files and unknown API paths with a 404 problem, never the app page', async () => {
    for (const urlPath of [
      '/metrics',
      '/.well-known/security.txt',
      '/wp-login.php',
      '/assets/gone-0000.js',
      '/api/v1/nothing-here',
      '/api/unknown',
    ]) {
      const answer = await get(port, urlPath);
      const body = JSON.parse(answer.body.toString()) as { code: string; status: number };
      expect({ urlPath, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        urlPath,
        status: 404,
        type: 'application/problem+json; charset=utf-8',
      });
      expect(body).toMatchObject({ status: 404, code: 'resource.not_found' });
    }
  });
});
