import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Paths that are never pages of the app (besides /api/…): a monitoring scraper or a crawler
 * gets a 404 problem, not the app's HTML. ZeMAG has no metrics endpoint (health: /healthz,
 * /readyz). A path whose last segment has a file extension is a file; app pages have none.
 */
function isNeverAPage(urlPath: string): boolean {
  return /^\/(metrics|\.well-known)(\/|$)/.test(urlPath) || /\.[a-z0-9]+$/i.test(urlPath);
}

/**
 * Serves the built PWA. The build writes a brotli and a gzip copy beside each compressible file
 * (apps/web/scripts/precompress.mjs); the copy the browser accepts is sent with
 * `Content-Encoding` and `Vary: Accept-Encoding`. Hashed files under /assets are cached for a
 * year; everything else (index.html, the service worker, the manifest) is revalidated on each
 * load so an update reaches phones. Unknown page paths get index.html: the app routes on the
 * client.
 */
export async function registerWebApp(app: FastifyInstance, { webDir }: { webDir: string }) {
  const indexHtml = path.join(webDir, 'index.html');
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });

  app.get(
    '/*',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      } catch {
        return sendProblem(request, reply, 400, 'request.invalid');
      }
      if (urlPath.startsWith('/api/'))
        return sendProblem(request, reply, 404, 'resource.not_found');
      if (!isFile(indexHtml)) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built. Run: npm run build');
      }
      const relative = path.normalize(urlPath).replace(/^([/\\])+/, '');
      const candidate = path.join(webDir, relative);
      if (relative && candidate.startsWith(webDir + path.sep) && isFile(candidate)) {
        const immutable = relative.startsWith(`assets${path.sep}`);
        reply.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        return reply.sendFile(relative, { cacheControl: false });
      }
      if (isNeverAPage(urlPath)) return sendProblem(request, reply, 404, 'resource.not_found');
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    },
  );
}
