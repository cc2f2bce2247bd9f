// @ts-check
/**
 * The worker thread that owns the embedded database (see pglite-thread.ts).
 * Plain JavaScript: worker threads load files as Node does, without the
 * TypeScript loader of tsx or Vitest.
 *
 * Messages in: { id, sql, params } and { id, close: true }.
 * Messages out: { id, rows, affectedRows } or { id, error: { message, ...fields } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteParsers as parsers } from './pglite-parsers.js';

/** A PostgreSQL error as plain fields (code, detail, constraint …): structured cloning drops an Error's own properties. */
function plainError(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return { message: String(error) };
  /** @type {Record<string, unknown>} */
  const fields = { message: error.message, name: error.name };
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || key === 'stack') continue;
    if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value)) continue;
    fields[key] = value;
  }
  return fields;
}

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs as a worker thread (see db/pglite-thread.ts)');

/** @type {PGlite | undefined} */
let pglite;
try {
  pglite = await PGlite.create(workerData.dataDir);
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}

/** One message after the other, in arrival order: the dialect relies on it (runsInSendOrder in pglite-thread.ts). */
let tail = Promise.resolve();

port.on('message', (/** @type {{ id: number, sql?: string, params?: unknown[], close?: boolean }} */ message) => {
  // A reply that cannot be sent must not stop the chain: every later message would wait forever.
  tail = tail
    .then(() => handle(message))
    .catch((/** @type {unknown} */ error) => port.postMessage({ id: message.id, error: { message: `The embedded database could not answer: ${String(error)}` } }));
});

async function handle(/** @type {{ id: number, sql?: string, params?: unknown[], close?: boolean }} */ message) {
  if (!pglite) return port.postMessage({ id: message.id, error: { message: 'The embedded database did not open' } });
  if (message.close) {
    await pglite.close().catch(() => undefined);
    port.postMessage({ id: message.id, rows: [] });
    port.close();
    return;
  }
  try {
    const result = await pglite.query(message.sql ?? '', message.params ?? [], { rowMode: 'object', parsers });
    port.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    port.postMessage({ id: message.id, error: plainError(error) });
  }
}
