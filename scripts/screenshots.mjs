#!/usr/bin/env node
// Screenshots of a built archive at phone (390×844) and desktop (1280×800) sizes, into docs/screenshots/.
//
//   node scripts/screenshots.mjs [--site dist] [--out docs/screenshots] [--query security] [--full]
//   node scripts/screenshots.mjs --demo 400      # the PNGs in docs/: 400 generated articles (bench/gen-corpus.mjs)
//
// Serves the site folder over HTTP on 127.0.0.1 (search needs HTTP) and opens Debian's Chromium
// through playwright-core: the home page, the list of the country with the most dated articles, search
// with a query, the archive's year-by-month grid and an article. Nothing leaves the machine.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const demo = opt('demo', null);
const work = demo ? mkdtempSync(path.join(tmpdir(), 'dateline-shots-')) : null;
if (work) {
  // A demo archive big enough to page: generated articles (about a fifth undated), built with search.
  const repo = new URL('..', import.meta.url).pathname;
  execFileSync(process.execPath, [path.join(repo, 'bench/gen-corpus.mjs'), '--articles', demo, '--out', work], { stdio: 'ignore' });
  // Six articles a page, so that the lists of a small demo show their pagers.
  writeFileSync(path.join(work, 'dateline.config.json'), JSON.stringify({ pageSize: 6 }));
  execFileSync(process.execPath, [path.join(repo, 'lib/cli.js'), 'build', '--config', path.join(work, 'dateline.config.json'), '--seeds', path.join(work, 'seeds'), '--out', path.join(work, 'site'), '--no-cache', '--quiet'], { stdio: 'inherit' });
}
const site = work ? path.join(work, 'site') : path.resolve(opt('site', 'dist'));
const out = path.resolve(opt('out', 'docs/screenshots'));
const query = opt('query', 'security');
const fullPage = argv.includes('--full');
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`${site} has no index.html: build the archive first (npm run build)`);
  process.exit(2);
}

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.xml': 'application/xml' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const articles = JSON.parse(readFileSync(path.join(site, 'data/articles.json'), 'utf8')).articles;
const counts = new Map();
for (const a of articles) for (const c of a.countries) if (a.date) counts.set(c, (counts.get(c) ?? 0) + 1);
const topCountry = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
const article = articles.find((a) => a.countries.length > 1 && a.date) ?? articles[0];
const shots = {
  home: 'index.html',
  ...(topCountry ? { country: `countries/${topCountry.toLowerCase()}/index.html` } : {}),
  search: `search/index.html?q=${encodeURIComponent(query)}`,
  archive: 'archive/index.html',
  article: `articles/${article.slug}/index.html`,
};
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const [name, url] of Object.entries(shots)) {
      await page.goto(`${base}${url}`);
      if (name === 'search') {
        const status = page.locator('#search-status').filter({ hasText: /\d+ results?|No results/ });
        await status.waitFor({ timeout: 15_000 });
        if (!/^No results/.test(await status.innerText())) await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = path.join(out, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage });
      console.log(`${path.relative(process.cwd(), file)}  (page ${height}px tall)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  if (work) rmSync(work, { recursive: true, force: true });
}
