/**
 * The document sources of every index, for the outbox worker and reindexing.
 * The candidate source needs today's date (the IGU window starts today), so
 * tests and the bench pass their own clock.
 */
import type { DocumentSources } from '../../../search/document-sources.js';
import { createCandidateDocumentSource } from './candidates.server.js';
import { createSlotDocumentSource } from './slots.server.js';

export function createDocumentSources(options: { clock?: () => Date } = {}): DocumentSources {
  const clock = options.clock ?? (() => new Date());
  return {
    candidates: createCandidateDocumentSource(() => clock().toISOString().slice(0, 10)),
    slots: createSlotDocumentSource(),
  };
}

/** The sources on the real clock (scripts/reindex.ts). */
export const documentSources: DocumentSources = createDocumentSources();
