/**
 * The worker thread that renders a share of a build's pages on another core. It is sent pages
 * as their template, view and declared inputs (plain data, so they cross threads as they are)
 * and answers with the rendered files, or with the first failure.
 */
import { workerData } from 'node:worker_threads';
import { createRenderer } from '../stages/render-pages.js';
import type { PagePlan } from '../views/page-views.js';
import type { RenderedFile } from '../model/types.js';
import type { RenderPage, RenderSetup } from './render-in-worker.js';
import { answerRequests } from './request-thread.js';

const setup = workerData as RenderSetup;
const renderer = createRenderer(setup.templatesDir, setup.generator, setup.overridesDir);
const encoder = new TextEncoder();
/** The byte arrays encoded here, which alone may be moved. */
const encoded = new WeakSet<Uint8Array>();
// Pages go back as UTF-8 bytes, each in a buffer of its own that is moved, not copied: the
// encoding is done on this core, and the build thread neither copies nor encodes them. (Only
// buffers made here are moved: a pooled Buffer's memory is shared with others.)
answerRequests<readonly RenderPage[], RenderedFile[]>(
  (pages) => pages.map((p) => {
    const file = renderer.render({ ...p, inputs: () => p.inputs } as unknown as PagePlan, p.inputs);
    if (typeof file.contents !== 'string') return file;
    const contents = encoder.encode(file.contents);
    encoded.add(contents);
    return { path: file.path, contents };
  }),
  (files) => files.flatMap((f) => (typeof f.contents !== 'string' && encoded.has(f.contents) ? [f.contents.buffer as ArrayBuffer] : [])),
);
