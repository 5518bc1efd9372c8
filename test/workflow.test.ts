import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const file = path.join(root, '.github/workflows/dateline.yml');

interface Step { uses?: string; run?: string; with?: Record<string, string>; if?: string; id?: string }
interface Workflow {
  on: { push: { paths: string[] }; pull_request: unknown };
  jobs: Record<string, { needs?: string; permissions?: Record<string, string>; environment?: { name: string }; steps: Step[] }>;
}

describe('the GitHub Actions workflow (.github/workflows/dateline.yml, shipped by init)', () => {
  const workflow = parse(readFileSync(file, 'utf8')) as Workflow;
  const steps = workflow.jobs.build!.steps;
  const at = (test: (s: Step) => boolean): number => steps.findIndex(test);

  it('on a push of seeds: checks with annotations, then builds with the project-site URL', () => {
    expect(workflow.on.push.paths).toContain('seeds/**');
    const check = at((s) => s.run === 'npx dateline check --format github');
    const build = at((s) => /^npx dateline build --site-url "https:\/\/\$\{\{ github\.repository_owner \}\}\.github\.io\/\$\{\{ github\.event\.repository\.name \}\}\/"$/.test(s.run ?? ''));
    expect(check).toBeGreaterThan(0);
    expect(build).toBeGreaterThan(check);
  });

  it('restores and saves the build cache and the output with actions/cache, keyed on the seeds with a prefix to fall back on', () => {
    const cache = steps[at((s) => s.uses?.startsWith('actions/cache@') ?? false)]!;
    expect(at((s) => s.uses?.startsWith('actions/cache@') ?? false)).toBeLessThan(at((s) => s.run?.startsWith('npx dateline build') ?? false));
    expect(cache.with!.path!.split('\n').filter(Boolean)).toEqual(['.dateline-cache', 'dist']);
    expect(cache.with!.key).toMatch(/^dateline-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('seeds\/\*\*'/);
    expect(cache.with!['restore-keys']!.trim()).toBe('dateline-${{ runner.os }}-');
  });

  it('deploys dist/ to GitHub Pages with upload-pages-artifact and deploy-pages, with only the permissions that needs', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
  });

  it('passes actionlint', async (ctx) => {
    if (spawnSync('actionlint', ['-version']).error) {
      // Debian has no actionlint package; .ci/run installs it when the distribution does.
      ctx.skip('actionlint is not installed: install it (https://github.com/rhysd/actionlint) to lint the workflow');
      return;
    }
    const { stdout, stderr } = await promisify(execFile)('actionlint', ['-no-color', file]).catch((e: { stdout: string; stderr: string }) => e);
    expect(stdout + stderr).toBe('');
  });
});
