/**
 * The worker thread that parses a share of a cold build's seeds on another core, and works out
 * the dedupe facts of their articles, as the build thread does for its share.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseSeed } from '../stages/parse-seed.js';
import { copyFacts } from '../stages/dedupe-articles.js';
import type { SeedFile } from '../model/types.js';
import type { ParsedInWorker } from './parse-in-worker.js';

const seeds = workerData as SeedFile[];
parentPort!.postMessage(seeds.map((seed): ParsedInWorker => {
  const result = parseSeed(seed);
  return { result, facts: result.articles.map(copyFacts) };
}));
