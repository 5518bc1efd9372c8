import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A preview server: serves a folder and tells open pages to reload. */
export interface PreviewServer {
  readonly server: Server;
  /** Sends a `reload` event to every open page. */
  reload(): void;
  /** Ends the event streams and closes the server. */
  close(): Promise<void>;
}

/** Where open pages listen for reloads (server-sent events). */
export const eventsPath = '/__dateline/events';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** Pagefind's index and fragment files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pagefind`) are binary. */
const typeOf = (file: string): string => {
  const ext = path.extname(file).toLowerCase();
  return contentTypes[ext] ?? 'application/octet-stream';
};

/**
 * The script the server adds to HTML responses (never to the built files): reloads the page
 * when the server says the site was rebuilt.
 */
const reloadScript = `<script>new EventSource(${JSON.stringify(eventsPath)}).addEventListener("reload",()=>location.reload())</script>`;

/** Adds the reload script before `</body>`, or at the end when there is none. */
function withReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + reloadScript : `${html.slice(0, at)}${reloadScript}${html.slice(at)}`;
}

/**
 * Serves the files of `root()` (asked on each request, so a config change may move it) over
 * HTTP: a folder gives its `index.html`, a folder asked without its final slash is redirected
 * to it (relative links need it), a missing file gives `404.html` with status 404, and no path
 * reaches outside the folder. HTML responses get the live-reload script; `eventsPath` streams
 * the reload events.
 */
export function serveFolder(root: () => string): PreviewServer {
  const listeners = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === eventsPath) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const base = path.resolve(root());
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = '\0';
    }
    const file = path.resolve(base, `.${rel}`);
    const inside = !rel.includes('\0') && (file === base || file.startsWith(`${base}${path.sep}`));
    const info = inside ? await stat(file).catch(() => null) : null;
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      if (await stat(index).then((s) => s.isFile(), () => false)) return send(res, req, index, 200);
    } else if (info?.isFile()) {
      return send(res, req, file, 200);
    }
    const notFound = path.join(base, '404.html');
    if (await stat(notFound).then((s) => s.isFile(), () => false)) return send(res, req, notFound, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  }

  async function send(res: ServerResponse, req: IncomingMessage, file: string, status: number): Promise<void> {
    const type = typeOf(file);
    let body: Buffer | string = await readFile(file);
    if (type.startsWith('text/html')) body = withReload(body.toString('utf8'));
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return {
    server,
    reload() {
      for (const res of listeners) res.write('event: reload\ndata: {}\n\n');
    },
    close() {
      for (const res of listeners) res.end();
      listeners.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
