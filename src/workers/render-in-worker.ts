import type { RenderedFile } from '../model/types.js';
import type { PagePlan } from '../views/page-views.js';
import { BuildError } from '../errors.js';
import { startWorker } from './start-worker.js';

/** How the render worker makes its renderer: the same templates and overrides as the build thread's. */
export interface RenderSetup {
  readonly templatesDir: string;
  readonly generator: string;
  readonly overridesDir: string | null;
}

/** A page sent to the worker: where it goes, its template and view, and its declared inputs. */
export interface RenderPage {
  readonly path: string;
  readonly template: string;
  readonly view: PagePlan['view'];
  readonly inputs: unknown;
}

export interface RenderRequest {
  readonly id: number;
  readonly pages: readonly RenderPage[];
}

export type RenderReply = { readonly id: number; readonly files: RenderedFile[] } | { readonly id: number; readonly error: string };

/** A render worker: batches of pages in, rendered files out, in the order asked. */
export interface RenderThread {
  render(pages: readonly RenderPage[]): Promise<RenderedFile[]>;
  close(): Promise<void>;
}

/** Starts a render worker. A page that fails to render rejects its batch with a BuildError. */
export function startRenderThread(setup: RenderSetup): RenderThread {
  const worker = startWorker(import.meta.url, 'render-worker', { workerData: setup });
  const waiting = new Map<number, { resolve: (files: RenderedFile[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: RenderReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) w?.reject(new BuildError(`rendering in the worker thread failed: ${reply.error}`, 'check the template named in the message'));
    else w?.resolve(reply.files);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the render thread stopped (exit code ${code})`)));
  return {
    render(pages) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, pages } satisfies RenderRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
