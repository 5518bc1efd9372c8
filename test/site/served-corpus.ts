import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { SiteConfig } from '../../src/config.js';
import { buildSample, decodeHtml, repoRoot, type BuiltSample } from './site-files.js';
import { startStaticServer, type StaticServer } from './static-server.js';
import { launchChromium } from './chromium.js';

/** A generated archive, built with search, served under `/news/`, and a Chromium to read it with. */
export interface ServedCorpus {
  readonly site: BuiltSample;
  /** The archive's address, ending in `/news/`. */
  readonly base: string;
  readonly browser: Browser;
  /** A country's display name, as its list page's heading shows it. */
  countryName(code: string): string;
  close(): Promise<void>;
}

/** Generates `articles` synthetic articles (bench/gen-corpus.mjs, seed 42), builds them with `options`, serves them and starts Chromium. */
export async function serveCorpus(articles: number, options: Partial<SiteConfig> = {}): Promise<ServedCorpus> {
  const work = mkdtempSync(path.join(tmpdir(), 'dateline-corpus-site-'));
  let server: StaticServer | undefined;
  let site: BuiltSample | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    site?.remove();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'bench/gen-corpus.mjs'), '--articles', String(articles), '--out', work], { stdio: 'ignore' });
    server = await startStaticServer('/news/');
    site = await buildSample(`${server.origin}/news/`, { seedsDir: path.join(work, 'seeds'), ...options });
    server.setRoot(site.dir);
    browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  const built = site;
  return {
    site: built,
    base: `${server.origin}/news/`,
    browser,
    countryName: (code) => decodeHtml(/<h1 dir="auto">([^<]*)<\/h1>/.exec(built.read(`countries/${code.toLowerCase()}/index.html`))![1]!),
    close,
  };
}
