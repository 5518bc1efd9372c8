/**
 * The protocol of the long-lived worker threads (enrich, render, search): numbered requests in,
 * one answer each (a result or a failure's message), in any order. `startRequestThread` is the
 * build thread's side, `answerRequests` the worker's.
 */
import { parentPort, type Transferable, type WorkerOptions } from 'node:worker_threads';
import { startWorker } from './start-worker.js';

interface Request<Q> {
  readonly id: number;
  readonly payload: Q;
}

type Reply<R> = { readonly id: number; readonly result: R } | { readonly id: number; readonly error: string };

/** A worker thread that answers requests. */
export interface RequestThread<Q, R> {
  /** Sends `payload`, resolving with the thread's result. */
  ask(payload: Q): Promise<R>;
  /** Stops the thread; a request still waiting rejects. */
  close(): Promise<void>;
}

/** How a thread's failures read: a request it could not do (its message), and the thread's end. */
export interface ThreadErrors {
  failed(message: string): Error;
  stopped(code: number): Error;
}

/** Starts worker `name` (beside `hereUrl`) that answers requests through `answerRequests`. */
export function startRequestThread<Q, R>(hereUrl: string, name: string, options: WorkerOptions, errors: ThreadErrors): RequestThread<Q, R> {
  const worker = startWorker(hereUrl, name, options);
  const waiting = new Map<number, { resolve: (result: R) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (error: Error): void => {
    failed ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: Reply<R>) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) w?.reject(errors.failed(reply.error));
    else w?.resolve(reply.result);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(errors.stopped(code)));
  return {
    ask(payload) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, payload } satisfies Request<Q>);
      });
    },
    async close() {
      failAll(new Error(`the ${name} thread was closed`));
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/**
 * In a worker thread: answers each request with `handle`'s result (moving the buffers that
 * `transfer` names) or with the message of its failure.
 */
export function answerRequests<Q, R>(handle: (payload: Q) => R | Promise<R>, transfer: (result: R) => readonly Transferable[] = () => []): void {
  const port = parentPort!;
  port.on('message', ({ id, payload }: Request<Q>) => {
    let result: R | Promise<R>;
    try {
      result = handle(payload);
    } catch (error) {
      port.postMessage({ id, error: messageOf(error) } satisfies Reply<R>);
      return;
    }
    Promise.resolve(result).then(
      (r) => port.postMessage({ id, result: r } satisfies Reply<R>, transfer(r)),
      (error: unknown) => port.postMessage({ id, error: messageOf(error) } satisfies Reply<R>),
    );
  });
}

/** A failure's message, with its cause's when it has one. */
function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
