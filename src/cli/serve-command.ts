import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { BuildError } from '../errors.js';
import type { Command } from './command.js';
import { printable } from './printable.js';
import { readSiteOptions } from './site-options.js';

const usage = `Usage: dateline serve [options]

Builds the site, serves it and rebuilds on every change to the seeds, the templates, the config
or the taxonomy: open pages reload by themselves. Only what changed is rebuilt (the build cache).
Ctrl-C stops it.

Options:
  --port N          port to listen on (default: 4000; 0 picks a free one)
  --host HOST       address to listen on (default: 127.0.0.1, this machine only)
  --seeds DIR, --out DIR, --config FILE, --taxonomy FILE, --templates DIR, --site-url URL,
  --no-search, --cache-dir DIR, --no-cache   as for dateline build
  -h, --help        show this help

Examples:
  dateline serve
  dateline serve --port 8080 --no-search
  dateline serve --host 0.0.0.0      # reachable from other machines on your network
`;

const serveFlags = { port: { type: 'string', default: '4000' }, host: { type: 'string', default: '127.0.0.1' } } as const;

/** `dateline serve`: build, serve on loopback, watch the inputs, rebuild and live-reload. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'build, serve and live-reload on every change',
  usage,
  async run(argv) {
    const first = readSiteOptions(argv, serveFlags);
    if (first.values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const port = Number(first.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || first.positionals.length > 0) {
      process.stderr.write(`error: ${first.positionals.length > 0 ? `unexpected argument "${first.positionals[0]}"` : `--port must be a whole number from 0 to 65535, not "${first.values.port}"`}\n\n${usage}`);
      return 2;
    }
    const [{ buildSite }, { serveFolder }, { watchInputs }] = await Promise.all([
      import('../build.js'), import('../serve/serve-folder.js'), import('../serve/watch-inputs.js'),
    ]);
    let config: SiteConfig = first.config;
    const configFile = first.configFile ?? 'dateline.config.json';

    const build = async (): Promise<boolean> => {
      const start = performance.now();
      try {
        const result = await buildSite(config);
        const errors = result.report.problems.filter((p) => p.severity === 'error').length;
        for (const p of result.report.problems) process.stderr.write(`${printable(`${p.file}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`)}\n`);
        process.stdout.write(`built ${result.report.articles} articles in ${(performance.now() - start).toFixed(0)} ms: ${result.stats.written} files written, ${result.stats.unchanged} unchanged${errors ? `, ${errors} error(s)` : ''}\n`);
        return true;
      } catch (error) {
        // A broken seed or template must not stop the preview: say why and keep the last good site.
        const message = error instanceof BuildError ? `${error.message}\nhint: ${error.hint}` : error instanceof Error ? error.message : String(error);
        process.stderr.write(`error: build failed: ${printable(message)}\n`);
        return false;
      }
    };

    // A fatal first build is the user's to fix before serving (exit 1 with the reason).
    const firstResult = await buildSite(config);
    for (const p of firstResult.report.problems) process.stderr.write(`${printable(`${p.file}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`)}\n`);
    const preview = serveFolder(() => config.outDir);
    await new Promise<void>((resolve, reject) => {
      preview.server.once('error', reject);
      preview.server.listen(port, first.values.host, resolve);
    });
    const address = preview.server.address();
    const shownHost = first.values.host.includes(':') ? `[${first.values.host}]` : first.values.host;
    const url = `http://${shownHost}:${typeof address === 'object' && address ? address.port : port}/`;
    process.stdout.write(`built ${firstResult.report.articles} articles → ${config.outDir}/\nserving ${url} (Ctrl-C to stop)\n`);

    // One build at a time; changes during a build ask for one more after it.
    let running: Promise<void> | null = null;
    let again = false;
    const rebuild = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          try {
            config = readSiteOptions(argv, serveFlags).config;
          } catch (error) {
            process.stderr.write(`error: ${printable(error instanceof Error ? error.message : String(error))} (keeping the last good config)\n`);
          }
          if (await build()) preview.reload();
        } while (again);
        running = null;
      })();
    };
    const templates = new URL('../../templates/', import.meta.url).pathname;
    const watched = [config.seedsDir, templates, configFile, ...(config.taxonomy ? [config.taxonomy] : []), ...(config.templates ? [config.templates] : [])].map((p) => path.resolve(p));
    const stopWatching = watchInputs(watched, rebuild);

    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        stopWatching();
        void preview.close().then(async () => {
          await running;
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    process.stdout.write('stopped\n');
    return 0;
  },
};
