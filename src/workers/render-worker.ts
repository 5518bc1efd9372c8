/**
 * The worker thread that renders a share of a build's pages on another core. It is sent pages
 * as their template, view and declared inputs (plain data, so they cross threads as they are)
 * and answers with the rendered files, or with the first failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from '../stages/render-pages.js';
import type { PagePlan } from '../views/page-views.js';
import type { RenderReply, RenderRequest, RenderSetup } from './render-in-worker.js';

const setup = workerData as RenderSetup;
const renderer = createRenderer(setup.templatesDir, setup.generator, setup.overridesDir);
const encoder = new TextEncoder();
parentPort!.on('message', (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    // Pages go back as UTF-8 bytes, each in a buffer of its own that is moved, not copied: the
    // encoding is done on this core, and the build thread neither copies nor encodes them.
    // (Only buffers made here are moved: a pooled Buffer's memory is shared with others.)
    const moved: ArrayBuffer[] = [];
    const files = request.pages.map((p) => {
      const file = renderer.render({ ...p, inputs: () => p.inputs } as unknown as PagePlan, p.inputs);
      if (typeof file.contents !== 'string') return file;
      const contents = encoder.encode(file.contents);
      moved.push(contents.buffer as ArrayBuffer);
      return { path: file.path, contents };
    });
    parentPort!.postMessage({ id: request.id, files } satisfies RenderReply, moved);
    return;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    reply = { id: request.id, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  parentPort!.postMessage(reply);
});
