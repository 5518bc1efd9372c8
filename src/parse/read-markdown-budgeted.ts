import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';
import type { MarkdownArticle } from './read-markdown-article.js';

/** What the Markdown worker is asked: read a seed's article, or only check an editor's text. */
export interface MarkdownRequest {
  readonly kind: 'article' | 'check';
  readonly text: string;
  /** The file line of the text's first line. */
  readonly firstLine: number;
}

/** The worker's answer: the article (null for a check), or why the text could not be read. */
export type MarkdownReply =
  | { readonly ok: true; readonly article: MarkdownArticle | null }
  | { readonly ok: false; readonly rule: string; readonly line: number; readonly message: string };

/** How long the worker may take to load before a build gives up on Markdown, in ms. */
const startupMs = 120_000;

interface Channel {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

let channel: Channel | null = null;

/**
 * The worker, started on the first Markdown text of a process (a build without `.md` seeds
 * never starts it) and kept for the next.
 */
function startChannel(): Channel {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker(import.meta.url, 'markdown-worker', { workerData: { port: port2, signal }, transferList: [port2] });
  // The worker never keeps a finished build's process alive.
  worker.unref();
  port1.unref();
  if (Atomics.wait(signal, 0, 0, startupMs) === 'timed-out' && Atomics.load(signal, 0) === 0) {
    void worker.terminate();
    throw new Error(`the Markdown worker did not start within ${startupMs / 1000} s`);
  }
  return { worker, port: port1, signal };
}

/**
 * Reads Markdown in a worker thread under a time budget, and waits for it: remark-parse is
 * quadratic on some inputs (runs of emphasis, setext headings, links), and a worker is the
 * only way to stop a parse that has run too long. Past `budgetMs` the worker is terminated
 * (the next text starts a new one) and the reply says so; it never throws for bad input.
 */
export function readMarkdownBudgeted(request: MarkdownRequest, budgetMs: number): MarkdownReply {
  let current: Channel;
  try {
    current = channel ??= startChannel();
  } catch (error) {
    return { ok: false, rule: 'markdown-failed', line: request.firstLine, message: error instanceof Error ? error.message : String(error) };
  }
  const before = Atomics.load(current.signal, 0);
  current.port.postMessage(request);
  const waited = Atomics.wait(current.signal, 0, before, budgetMs);
  const reply = receiveMessageOnPort(current.port);
  if (reply === undefined) {
    void current.worker.terminate();
    channel = null;
    const why = waited === 'timed-out' ? `reading it took more than ${budgetMs / 1000} s` : 'the Markdown worker stopped';
    return { ok: false, rule: 'markdown-budget', line: request.firstLine, message: `${why}, so it was not read (Markdown this slow to parse is hostile or broken); simplify it` };
  }
  return reply.message as MarkdownReply;
}
