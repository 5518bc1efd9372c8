import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the search page shows: its status line and, per result item, the headline, date and meta line. */
export interface ShownResults {
  readonly status: string;
  readonly headlines: string[];
  /** The `datetime` of each result, null for an undated one. */
  readonly dates: Array<string | null>;
  /** Each result's meta line (date · countries). */
  readonly countries: string[];
}

const items = (page: Page) => page.locator('#search-results > li');

async function read(page: Page, status: string): Promise<ShownResults> {
  return {
    status,
    headlines: (await items(page).locator('h2').allInnerTexts()).map((t) => t.trim()),
    dates: await items(page).evaluateAll((lis) => lis.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? null)),
    countries: (await items(page).locator('.meta').allInnerTexts()).map((t) => t.trim()),
  };
}

/** The number a status line starts with ("12 results…"), 0 for "No results". */
function countOf(status: string): number {
  return /^No results/.test(status) ? 0 : Number(/^(\d+)/.exec(status)![1]);
}

/** Waits until the search has answered and drawn its first results; returns them. */
export async function searchResults(page: Page): Promise<ShownResults> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: /\d+ results?|No results/ }).waitFor({ timeout: 15_000 });
  const text = (await status.innerText()).trim();
  await expect.poll(() => items(page).count(), { timeout: 15_000 }).toBe(Math.min(countOf(text), 10));
  return read(page, text);
}

/** Waits for the search like `searchResults`, then presses "Show more" until every result is drawn. */
export async function allSearchResults(page: Page): Promise<ShownResults> {
  const first = await searchResults(page);
  const n = countOf(first.status);
  for (let shown = first.headlines.length; shown < n; ) {
    await page.locator('#search-more').click();
    const next = Math.min(shown + 10, n);
    await expect.poll(() => items(page).count(), { timeout: 15_000 }).toBe(next);
    shown = next;
  }
  await expect.poll(() => page.locator('#search-more').isHidden()).toBe(true);
  return read(page, first.status);
}
