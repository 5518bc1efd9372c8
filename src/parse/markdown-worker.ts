/**
 * The worker thread that reads Markdown for `readMarkdownBudgeted`: remark-parse is quadratic
 * on some inputs, so it runs here, where the build can stop it. Each request on the port gets
 * one reply, and the shared counter is bumped so that the waiting thread wakes up.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { readMarkdownArticle } from './read-markdown-article.js';
import { MarkdownTooDeepError, parseMarkdownTree } from '../text/markdown-tree.js';
import type { MarkdownReply, MarkdownRequest } from './read-markdown-budgeted.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function answer(request: MarkdownRequest): MarkdownReply {
  try {
    if (request.kind === 'check') {
      parseMarkdownTree(request.text, request.firstLine);
      return { ok: true, article: null };
    }
    return { ok: true, article: readMarkdownArticle(request.text, request.firstLine) };
  } catch (error) {
    const line = error instanceof MarkdownTooDeepError ? error.line : request.firstLine;
    const rule = error instanceof MarkdownTooDeepError ? 'markdown-too-deep' : 'markdown-failed';
    return { ok: false, rule, line, message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (request: MarkdownRequest) => {
  port.postMessage(answer(request));
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
// Ready: the first bump tells the waiting thread that the worker has loaded.
Atomics.add(signal, 0, 1);
Atomics.notify(signal, 0);
