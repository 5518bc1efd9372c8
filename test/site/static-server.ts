import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A running static server: its origin (`http://127.0.0.1:PORT`) and how to stop it. */
export interface StaticServer {
  readonly origin: string;
  /** Points the server at the folder to serve (it may start before the site is built). */
  setRoot(root: string): void;
  close(): Promise<void>;
}

/**
 * A tiny static file server on 127.0.0.1 with a random port, serving a folder under `prefix`
 * (`/archive/`) the way a static host does: `dir/` → `dir/index.html`, `dir` → redirect to
 * `dir/`, anything missing → the site's `404.html` with status 404. Loopback only; no
 * directory listings; paths that climb out of the root are refused.
 */
export async function startStaticServer(prefix = '/'): Promise<StaticServer> {
  let root: string | null = null;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const notFound = async (): Promise<void> => {
        const page = root ? path.join(root, '404.html') : null;
        if (page && (await stat(page).catch(() => null))?.isFile()) {
          res.writeHead(404, { 'content-type': types['.html']! });
          createReadStream(page).pipe(res);
        } else {
          res.writeHead(404, { 'content-type': types['.txt']! }).end('not found');
        }
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        await notFound();
        return;
      }
      if (!root || !rel.startsWith(prefix) || rel.includes('\0')) {
        await notFound();
        return;
      }
      const file = path.resolve(root, `./${rel.slice(prefix.length)}`);
      if (file !== root && !file.startsWith(root + path.sep)) {
        await notFound();
        return;
      }
      let info = await stat(file).catch(() => null);
      let target = file;
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        target = path.join(file, 'index.html');
        info = await stat(target).catch(() => null);
      }
      if (!info?.isFile()) {
        await notFound();
        return;
      }
      res.writeHead(200, {
        'content-type': types[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(target).pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setRoot(dir) {
      root = path.resolve(dir);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
