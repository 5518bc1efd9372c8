import type { RenderedFile } from '../model/types.js';
import type { PagePlan } from '../views/page-views.js';
import { BuildError } from '../errors.js';
import { startRequestThread } from './request-thread.js';

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

/** A render worker: batches of pages in, rendered files out, in the order asked. */
export interface RenderThread {
  render(pages: readonly RenderPage[]): Promise<RenderedFile[]>;
  close(): Promise<void>;
}

/** Starts a render worker. A page that fails to render rejects its batch with a BuildError. */
export function startRenderThread(setup: RenderSetup): RenderThread {
  const thread = startRequestThread<readonly RenderPage[], RenderedFile[]>(import.meta.url, 'render-worker', { workerData: setup }, {
    failed: (message) => new BuildError(`rendering in the worker thread failed: ${message}`, 'check the template named in the message'),
    stopped: (code) => new Error(`the render thread stopped (exit code ${code})`),
  });
  return { render: (pages) => thread.ask(pages), close: () => thread.close() };
}
