/** Which optional flags the dateline CLI accepts, read from its `--help` text. */
import { execFileSync } from 'node:child_process';

/** Flags the harness uses when the CLI has them, and does without otherwise. */
export interface CliFeatures {
  /** `--json`: one JSON object with the report and the write stats. */
  readonly json: boolean;
  /** `--cache-dir DIR`: where the incremental cache lives. */
  readonly cacheDir: boolean;
  /** `--no-cache`: build without reading or writing the cache. */
  readonly noCache: boolean;
}

/** Runs `node <cli> --help` and reports which of the optional flags it lists. */
export function readCliFeatures(cli: string): CliFeatures {
  const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  const has = (flag: string): boolean => new RegExp(`(^|\\s)${flag}(\\s|=|,|$)`, 'm').test(help);
  return { json: has('--json'), cacheDir: has('--cache-dir'), noCache: has('--no-cache') };
}
