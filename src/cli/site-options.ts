import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveConfig, type SiteConfig } from '../config.js';
import { UsageError } from './usage-error.js';

/** The package's own templates folder. */
const builtInTemplates = path.resolve(new URL('../../templates/', import.meta.url).pathname);

/** The flags every command that reads a site takes (build, check, serve), for `parseArgs`. */
const siteFlags = {
  seeds: { type: 'string' },
  out: { type: 'string' },
  'site-url': { type: 'string' },
  config: { type: 'string' },
  taxonomy: { type: 'string' },
  templates: { type: 'string' },
  strict: { type: 'boolean' },
  'no-search': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'lock-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses `argv` with the site flags plus `extra`, reads the config file (`--config FILE`, or
 * `dateline.config.json` when present) and lays the flags over it. A bad flag, a config file
 * that cannot be read or parsed, or a value of the wrong type is a `UsageError` naming the
 * file, the key and the type it wants.
 */
export function readSiteOptions<E extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], extra: E) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...siteFlags, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), 'see dateline <command> --help', { cause: error });
  }
  const values = parsed.values;
  const flag = (name: string): unknown => (values as Record<string, unknown>)[name];
  const configFile = (flag('config') as string | undefined) ?? (existsSync('dateline.config.json') ? 'dateline.config.json' : null);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const options: { -readonly [K in keyof SiteConfig]?: SiteConfig[K] } = {
    ...fromFile,
    ...(flag('seeds') !== undefined ? { seedsDir: flag('seeds') as string } : {}),
    ...(flag('out') !== undefined ? { outDir: flag('out') as string } : {}),
    ...(flag('site-url') !== undefined ? { siteUrl: flag('site-url') as string } : {}),
    ...(flag('taxonomy') !== undefined ? { taxonomy: flag('taxonomy') as string } : {}),
    ...(flag('templates') !== undefined ? { templates: flag('templates') as string } : {}),
    ...(flag('strict') ? { strict: true } : {}),
    ...(flag('no-search') ? { search: false } : {}),
    ...(flag('cache-dir') !== undefined ? { cacheDir: flag('cache-dir') as string } : {}),
    ...(flag('no-cache') ? { cache: false } : {}),
    ...(flag('lock-timeout') !== undefined ? { lockTimeout: Number(flag('lock-timeout')) } : {}),
  };
  // A project's own templates/ folder overrides the built-in templates without being named,
  // unless it is the package's own (running inside dateline's repository).
  if (options.templates === undefined && statSync('templates', { throwIfNoEntry: false })?.isDirectory() && path.resolve('templates') !== builtInTemplates) {
    options.templates = 'templates';
  }
  let config: SiteConfig;
  try {
    config = resolveConfig(options);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^resolveConfig: /, '') : String(error);
    throw new UsageError(`${configFile ? `${configFile}: ` : ''}${message}`, `check the flags${configFile ? ` and ${configFile}` : ''}; see dateline --help`, { cause: error });
  }
  return { values, options, config, configFile, positionals: parsed.positionals };
}

/** Reads a JSON config file, naming the file in any error; its `$schema` key is for editors and is dropped. */
function readConfigFile(file: string): Partial<SiteConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${file}`, 'check the path given to --config', { cause: error });
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('it must hold a JSON object');
    const { $schema: _schema, ...options } = data as Record<string, unknown>;
    return options as Partial<SiteConfig>;
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid: ${error instanceof Error ? error.message : String(error)}`, 'write it as a JSON object, e.g. {"siteUrl": "https://example.com/"}', { cause: error });
  }
}
