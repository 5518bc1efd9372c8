import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, startDateline } from './run-dateline.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A raw GET (no URL normalising, so `..` reaches the server as sent). */
function get(port: number, pathname: string): Promise<{ status: number; type: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: pathname }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body, ...(res.headers.location ? { location: res.headers.location } : {}) }));
    }).on('error', reject).end();
  });
}

describe('dateline serve', () => {
  it('serves the site with 404.html, injects live reload, rebuilds on a seed edit and sends reload, and stops on SIGTERM', async () => {
    const dir = path.join(work, 'site');
    cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    writeFileSync(path.join(dir, 'dateline.config.json'), '{"search": false}\n');
    const child = startDateline(['serve', '--port', '0'], dir);
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          stdout += d;
          const m = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
          if (m) resolve(Number(m[1]));
        });
        child.on('close', () => reject(new Error(`serve exited: ${stderr}`)));
      });
      const home = await get(port, '/');
      expect(home.status).toBe(200);
      expect(home.type).toMatch(/^text\/html/);
      expect(home.body).toContain('/__dateline/events');
      // The reload script is the server's: the built file has none.
      expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).not.toContain('__dateline');
      const missing = await get(port, '/no/such/page/');
      expect(missing.status).toBe(404);
      expect(missing.body).toContain(readFileSync(path.join(dir, 'dist/404.html'), 'utf8').slice(0, 200));
      expect((await get(port, '/%2e%2e/%2e%2e/seeds/')).status).toBe(404);
      expect((await get(port, '/../dateline.config.json')).status).toBe(404);
      const articles = readdirSync(path.join(dir, 'dist/articles'));
      expect(await get(port, `/articles/${articles[0]}`)).toMatchObject({ status: 301, location: `/articles/${articles[0]}/` });
      expect((await get(port, '/assets/style.css')).type).toMatch(/^text\/css/);

      // Listen for reload events, then edit a seed's headline.
      const events: string[] = [];
      const stream = request({ host: '127.0.0.1', port, path: '/__dateline/events' });
      const reloaded = new Promise<void>((resolve) => {
        stream.on('response', (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          res.setEncoding('utf8').on('data', (d: string) => {
            events.push(d);
            if (/^event: reload$/m.test(events.join(''))) resolve();
          });
        });
      });
      stream.end();
      await new Promise((r) => setTimeout(r, 300));
      const seed = path.join(dir, 'seeds', readdirSync(path.join(dir, 'seeds')).sort()[0]!);
      const text = readFileSync(seed, 'utf8');
      const headline = text.split('\n')[0]!;
      writeFileSync(seed, text.replaceAll(headline, 'Zebras Elect A New Parliament Speaker'));
      await reloaded;
      stream.destroy();
      const after = await get(port, '/');
      expect(after.body).toContain('Zebras Elect A New Parliament Speaker');
      expect(after.body).not.toContain(headline);
      expect(stdout).toMatch(/built \d+ articles in \d+ ms: \d+ files written/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped\n$/);
  }, 60_000);
});
