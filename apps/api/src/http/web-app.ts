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
 * Serves the built PWA. Hashed files under /assets are cached for a year; everything else
 * (index.html, the service worker, the manifest) is revalidated on each load so an update
 * reaches phones. Unknown paths get index.html: the app routes on the client.
 */
export async function registerWebApp(app: FastifyInstance, { webDir }: { webDir: string }) {
  const indexHtml = path.join(webDir, 'index.html');
  await app.register(fastifyStatic, { root: webDir, serve: false });

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
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    },
  );
}
