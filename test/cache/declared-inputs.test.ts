/**
 * Views read only what they declare (issue: scale). A page's cache key hashes its plan's inputs,
 * so a view must get everything from them: rendering every page of a real build from a copy of
 * its inputs that went through JSON (no shared objects, no functions, no Maps, nothing of the
 * archive) must give the same bytes, and every inputs value must be plain data a hash can read.
 */
import { describe, expect, it } from 'vitest';
import { planPages } from '../../src/stages/plan-pages.js';
import { createRenderer } from '../../src/stages/render-pages.js';
import { assertPlainData, hashInputs } from '../../src/cache/stable-hash.js';
import { buildArchive } from '../../src/build.js';
import { collateArchive } from '../../src/stages/collate-archive.js';
import { resolveConfig } from '../../src/config.js';
import type { PagePlan } from '../../src/views/page-views.js';

const seedsDir = new URL('../../seeds/', import.meta.url).pathname;
const templatesDir = new URL('../../templates/', import.meta.url).pathname;

async function plansOfSamples(): Promise<PagePlan[]> {
  const built = await buildArchive({ seedsDir, search: false });
  const config = resolveConfig({ seedsDir, siteUrl: 'https://news.example/', pageSize: 1 });
  const names = { country: (c: string) => `Country ${c}`, topic: (t: string) => `Topic ${t}` };
  const archive = collateArchive(built.articles, names);
  return planPages({ config, archive, report: built.report, countryName: names.country, topicName: names.topic, buildDate: '2025-01-01' });
}

describe('page views', () => {
  it('render the same bytes from a JSON copy of their declared inputs', async () => {
    const plans = await plansOfSamples();
    expect(plans.length).toBeGreaterThan(20);
    const renderer = createRenderer(templatesDir);
    for (const plan of plans) {
      const inputs = plan.inputs();
      const copy = JSON.parse(JSON.stringify(inputs)) as unknown;
      const a = renderer.render(plan, inputs).contents;
      const b = createRenderer(templatesDir).render(plan, copy).contents;
      expect(Buffer.from(b).equals(Buffer.from(a)), plan.path).toBe(true);
    }
  });

  it('declare inputs that are plain data, so their hash covers all of them', async () => {
    for (const plan of await plansOfSamples()) expect(() => assertPlainData(plan.inputs()), plan.path).not.toThrow();
    expect(() => assertPlainData({ names: new Map([['IQ', 'Iraq']]) })).toThrow(TypeError);
    expect(() => assertPlainData({ name: () => 'Iraq' })).toThrow(TypeError);
    expect(() => assertPlainData({ when: new Date(0) })).toThrow(TypeError);
  });

  it('give a different key when any part of their inputs changes', async () => {
    const plan = (await plansOfSamples()).find((p) => p.view === 'article')!;
    const inputs = plan.inputs() as unknown as Record<string, unknown>;
    const base = hashInputs(inputs, new WeakMap());
    for (const key of Object.keys(inputs)) {
      const changed = { ...inputs, [key]: key === 'newer' || key === 'older' ? { headline: 'x', slug: 'y' } : JSON.parse(JSON.stringify(inputs[key] ?? null, (_k, v: unknown) => (typeof v === 'string' ? `${v}!` : v))) };
      if (JSON.stringify(changed[key]) === JSON.stringify(inputs[key])) continue; // nothing to change (an empty list, null)
      expect(hashInputs(changed, new WeakMap()), key).not.toBe(base);
    }
  });
});
