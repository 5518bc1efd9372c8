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
parentPort!.on('message', (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const files = request.pages.map((p) => renderer.render({ ...p, inputs: () => p.inputs } as unknown as PagePlan, p.inputs));
    reply = { id: request.id, files };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    reply = { id: request.id, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  parentPort!.postMessage(reply);
});
