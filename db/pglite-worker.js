// @ts-check
/**
 * The worker thread that owns the embedded database (see pglite-thread.ts).
 * Plain JavaScript: worker threads load files as Node does, without the
 * TypeScript loader of tsx or Vitest.
 *
 * Messages in: { id, sql, params }, { id, listen: channel } and { id, close: true }.
 * Messages out: { id, rows, affectedRows } or { id, error: { message, ...fields } },
 * and { notification: { channel, payload } } for each NOTIFY on a channel listened to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEmbeddedDatabase, plainError, statementRunner } from './pglite-statements.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs as a worker thread (see db/pglite-thread.ts)');

/** @type {import('@electric-sql/pglite').PGlite | undefined} */
let pglite;
/** @type {ReturnType<typeof statementRunner> | undefined} */
let run;
try {
  pglite = await openEmbeddedDatabase(workerData.dataDir);
  run = statementRunner(pglite);
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}

/** One message after the other, in arrival order: the dialect relies on it (runsInSendOrder in pglite-thread.ts). */
let tail = Promise.resolve();

/** @typedef {{ id: number, sql?: string, params?: unknown[], listen?: string, close?: boolean }} Message */

port.on('message', (/** @type {Message} */ message) => {
  // A reply that cannot be sent must not stop the chain: every later message would wait forever.
  tail = tail
    .then(() => handle(message))
    .catch((/** @type {unknown} */ error) => port.postMessage({ id: message.id, error: { message: `The embedded database could not answer: ${String(error)}` } }));
});

async function handle(/** @type {Message} */ message) {
  if (!pglite || !run) return port.postMessage({ id: message.id, error: { message: 'The embedded database did not open' } });
  if (message.listen !== undefined) {
    const channel = message.listen;
    // PGlite hands on the notices of every query it runs, prepared ones included.
    await pglite.listen(channel, (payload) => port.postMessage({ notification: { channel, payload } }));
    port.postMessage({ id: message.id, rows: [] });
    return;
  }
  if (message.close) {
    await pglite.close().catch(() => undefined);
    port.postMessage({ id: message.id, rows: [] });
    port.close();
    return;
  }
  try {
    const result = await run(message.sql ?? '', message.params ?? []);
    port.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    port.postMessage({ id: message.id, error: plainError(error) });
  }
}

