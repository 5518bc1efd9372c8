import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, driven through playwright-core. */
export const chromiumPath = '/usr/bin/chromium';

/** Browser tests are skipped without Chromium on a developer's machine, never in CI (.ci/run installs it). */
export const skipBrowser = !existsSync(chromiumPath) && !process.env.CI;

/** Launches headless Chromium with no background network of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
