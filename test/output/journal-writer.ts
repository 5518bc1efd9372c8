/**
 * A child process for the kill tests: writes generation `gen` of a synthetic site of `count`
 * files into `out` with writeSite's in-place commit, keeping every file the generation does not
 * change. Run with tsx: `node --import tsx journal-writer.ts OUT COUNT GEN`.
 */
import { inspectOutput, isSafeOutputPath, writeSite } from '../../src/stages/write-site.js';
import { contentHash } from '../../src/output/output-manifest.js';
import { siteFiles } from './synthetic-site.js';

const [out, count, gen] = process.argv.slice(2);
const files = siteFiles(Number(count), Number(gen));
const previous = await inspectOutput(out!, isSafeOutputPath);
// What a cached build would render: every file whose bytes differ from the intact last output.
const changed = files.filter((f) => !previous.intact.has(f.path) || previous.files.get(f.path) !== contentHash(Buffer.from(f.contents)));
const keep = new Set(files.filter((f) => !changed.includes(f)).map((f) => f.path));
await writeSite(out!, changed.map(({ path, contents }) => ({ path, contents })), { keep, previous });
