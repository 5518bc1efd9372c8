/**
 * The render thread renders a page from its declared inputs exactly as the build thread does:
 * every page of the samples' build, sent across threads in batches, gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { planPages } from '../../src/stages/plan-pages.js';
import { createRenderer } from '../../src/stages/render-pages.js';
import { buildArchive } from '../../src/build.js';
import { collateArchive } from '../../src/stages/collate-archive.js';
import { resolveConfig } from '../../src/config.js';
import { startRenderThread } from '../../src/workers/render-in-worker.js';

const seedsDir = new URL('../../seeds/', import.meta.url).pathname;
const templatesDir = new URL('../../templates/', import.meta.url).pathname;

describe('startRenderThread', () => {
  it('renders every page of a build to the same bytes as the build thread', async () => {
    const built = await buildArchive({ seedsDir, search: false });
    const config = resolveConfig({ seedsDir, siteUrl: 'https://news.example/', pageSize: 1 });
    const names = { country: (c: string) => `Country ${c}`, topic: (t: string) => `Topic ${t}` };
    const archive = collateArchive(built.articles, names);
    const plans = planPages({ config, archive, report: built.report, countryName: names.country, topicName: names.topic, buildDate: '2025-01-01' });
    expect(plans.filter((p) => p.view === 'article').length).toBeGreaterThan(3);
    const here = createRenderer(templatesDir);
    const thread = startRenderThread({ templatesDir, generator: 'dateline', overridesDir: null });
    try {
      for (let i = 0; i < plans.length; i += 7) {
        const batch = plans.slice(i, i + 7);
        const files = await thread.render(batch.map((p) => ({ path: p.path, template: p.template, view: p.view, inputs: p.inputs() })));
        expect(files.map((f) => f.path)).toEqual(batch.map((p) => p.path));
        files.forEach((f, n) => expect(Buffer.from(f.contents).equals(Buffer.from(here.render(batch[n]!).contents)), f.path).toBe(true));
      }
    } finally {
      await thread.close();
    }
  }, 120_000);

  it('rejects a batch whose page cannot be rendered, naming the failure', async () => {
    const thread = startRenderThread({ templatesDir, generator: 'dateline', overridesDir: null });
    try {
      await expect(thread.render([{ path: 'x/index.html', template: 'no-such-template', view: 'list', inputs: {} }])).rejects.toThrow(/render/);
    } finally {
      await thread.close();
    }
  }, 120_000);
});
