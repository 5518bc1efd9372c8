/**
 * The worker thread that runs a second Pagefind service: the service indexes on one core, so a
 * build with several search bundles to index gives some of them to this thread's service while
 * the build thread's service indexes the others. Sent a bundle's records, it answers with the
 * bundle's files, or with the failure; sent `close`, it stops its service.
 */
import type { RenderedFile } from '../model/types.js';
import { closeSearch, indexBundle } from '../stages/index-search.js';
import type { SearchRequest } from './search-in-worker.js';
import { answerRequests } from './request-thread.js';

answerRequests<SearchRequest, RenderedFile[]>((bundle) => (bundle ? indexBundle(bundle.language, bundle.records, bundle.prefix) : closeSearch().then(() => [])));
