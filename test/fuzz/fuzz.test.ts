/**
 * The fuzz campaign of issue 12: mutated real seeds and pathological Markdown, built in
 * batches in memory (and a few through the CLI). Every build must finish (exit 0 or 1, no stack
 * trace), account for every article it was given where the count is known, write feeds and
 * sitemaps that parse as strict XML and JSON that parses, and let no seed text become markup.
 * A few hundred trials by default; DATELINE_SLOW=1 runs ten times as many. The generators are
 * seeded, so a failure names a trial that can be run again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { buildArchive, type BuiltArchive } from '../../src/build.js';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { cleanupTemp, tempDir, writeSeeds } from '../safety/seed-folders.js';
import { startTags } from '../safety/html-tokens.js';
import { emptyConfig, runCli } from '../safety/run-cli.js';
import { blankLineMutant, controlMutant, invisibleMutant, markdownMutant, rawMutant, type Mutant } from './mutate-seeds.js';

afterAll(cleanupTemp);

const slow = process.env.DATELINE_SLOW === '1';
const scale = slow ? 10 : 1;
const batchSize = 25;
const seed = 20_261_128;

const classes: ReadonlyArray<{ name: string; arbitrary: fc.Arbitrary<Mutant>; trials: number }> = [
  { name: 'invisible characters', arbitrary: invisibleMutant, trials: 50 * scale },
  { name: 'control characters', arbitrary: controlMutant, trials: 50 * scale },
  { name: 'blank lines', arbitrary: blankLineMutant, trials: 50 * scale },
  { name: 'huge lines, bidi, NUL, binary', arbitrary: rawMutant, trials: 25 * scale },
  { name: 'pathological Markdown', arbitrary: markdownMutant, trials: 25 * scale },
];

/** The campaign's figures, printed at the end: trials, failures (problems found) and articles lost (folded into another or quarantined) per class. */
const figures: Array<{ name: string; trials: number; failures: number; lost: number; unpromised: string }> = [];
afterAll(() => {
  if (figures.length > 0) console.info(`fuzz campaign (seed ${seed}):\n${figures.map((f) => `  ${f.name}: ${f.trials} trials, ${f.failures} failures, ${f.lost} articles lost${f.unpromised}`).join('\n')}`);
});

/** Everything a build of any input must hold; returns the problems found, empty when none. */
function invariantFailures(built: BuiltArchive, files: readonly Mutant[]): string[] {
  const failures: string[] = [];
  const names = new Set(files.map((f) => f.name));
  for (const p of built.report.problems) {
    if (!names.has(p.file) || !(p.line >= 1)) failures.push(`diagnostic names no input file and line: ${JSON.stringify(p)}`);
  }
  for (const f of built.files) {
    const text = typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
    if (f.path.endsWith('.xml')) {
      try {
        xml2js(text);
      } catch (error) {
        failures.push(`${f.path} is not well-formed XML: ${String(error).split('\n')[0]}`);
      }
    } else if (f.path.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch (error) {
        failures.push(`${f.path} is not JSON: ${String(error)}`);
      }
    } else if (f.path.endsWith('.html')) {
      for (const tag of startTags(text)) {
        for (const [name] of tag.attrs) if (name.startsWith('on')) failures.push(`${f.path}: <${tag.name} ${name}> from seed text`);
        if (tag.name === 'script') {
          const type = tag.attrs.find(([n]) => n === 'type')?.[1];
          if (type !== 'application/ld+json' && f.path !== 'search/index.html') failures.push(`${f.path}: a <script> that is not ours`);
        }
        // The search page's own form comes from its template, never from seed text.
        const ownForm = tag.name === 'form' && f.path === 'search/index.html';
        if (['img', 'iframe', 'object', 'embed', 'svg', 'form', 'style'].includes(tag.name) && !ownForm) failures.push(`${f.path}: <${tag.name}> from seed text`);
      }
    }
  }
  return failures;
}

describe(`fuzz campaign (${slow ? 'slow' : 'CI'} size)`, () => {
  for (const fuzzClass of classes) {
    it(`${fuzzClass.name}: ${fuzzClass.trials} mutated seeds build, account for their articles, and write valid feeds`, async () => {
      const mutants = fc.sample(fuzzClass.arbitrary, { seed, numRuns: fuzzClass.trials });
      const failures: string[] = [];
      let lost = 0;
      const fewer = { files: 0, articles: 0, reported: 0 };
      for (let start = 0; start < mutants.length; start += batchSize) {
        const batch = mutants.slice(start, start + batchSize).map((m, i) => ({ ...m, name: `${String(start + i).padStart(4, '0')}-${m.name}` }));
        const dir = tempDir('fuzz');
        for (const m of batch) writeFileSync(path.join(dir, m.name), m.bytes);
        // Accounting per file: articles + quarantined = the articles it was given.
        for (const m of batch) {
          if (m.expected === null) {
            // No count is promised (blank lines lost can merge articles): count, for the figures,
            // the files that built fewer articles than their sample, and how many of those said so.
            if (m.baseline === null) continue;
            const parsed = parseSeed({ path: m.name, bytes: m.bytes });
            if (parsed.articles.length + parsed.quarantined < m.baseline) {
              fewer.files++;
              fewer.articles += m.baseline - parsed.articles.length - parsed.quarantined;
              if (parsed.diagnostics.some((d) => d.rule === 'article-in-body')) fewer.reported++;
            }
            continue;
          }
          const parsed = parseSeed({ path: m.name, bytes: m.bytes });
          const got = parsed.articles.length + parsed.quarantined;
          if (got !== m.expected) failures.push(`${m.name}: ${got} articles + quarantined, expected ${m.expected}`);
          if (m.articles !== null && parsed.articles.length !== m.articles) {
            lost += Math.max(0, m.articles - parsed.articles.length);
            failures.push(`${m.name}: ${parsed.articles.length} articles built, expected ${m.articles}`);
          }
        }
        let built: BuiltArchive;
        try {
          built = await buildArchive({ seedsDir: dir, search: false, siteUrl: 'https://news.example/' });
        } catch (error) {
          failures.push(`batch ${start}: the build threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          continue;
        }
        const known = batch.filter((m) => m.expected !== null);
        if (known.length === batch.length) {
          const { articles, duplicates, quarantined } = built.report;
          const total = known.reduce((n, m) => n + m.expected!, 0);
          if (articles + duplicates + quarantined !== total) failures.push(`batch ${start}: ${articles} + ${duplicates} duplicates + ${quarantined} quarantined, expected ${total}`);
        }
        failures.push(...invariantFailures(built, batch));
      }
      const unpromised = fewer.files > 0 ? ` (no count promised: ${fewer.files} files yielded ${fewer.articles} fewer articles + quarantined than their sample, ${fewer.reported} of them with an article-in-body warning)` : '';
      figures.push({ name: fuzzClass.name, trials: mutants.length, failures: failures.length, lost, unpromised });
      expect(failures).toEqual([]);
    });
  }

  it('through the CLI: mutants of every class exit 0 or 1 with no stack trace and no raw control character', async () => {
    const runs = 3 * scale;
    const all = classes.map((c) => fc.sample(c.arbitrary, { seed: seed + 1, numRuns: runs }));
    for (let run = 0; run < runs; run++) {
      const files: Record<string, Uint8Array> = {};
      all.forEach((list, c) => (files[`${c}-${list[run]!.name}`] = list[run]!.bytes));
      const dir = writeSeeds(path.join(tempDir('fuzz-cli'), 'seeds'), files);
      const out = path.join(tempDir('fuzz-cli-out'), 'dist');
      const result = await runCli(['build', '--seeds', dir, '--out', out, '--no-search', '--config', emptyConfig()]);
      expect([0, 1], result.stderr).toContain(result.code);
      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    }
  });
});
