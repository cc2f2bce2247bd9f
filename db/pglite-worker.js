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
import { PGlite, parse as results, protocol } from '@electric-sql/pglite';
import { pgliteParsers as parsers } from './pglite-parsers.js';

/**
 * Statements that come back are prepared once (a named statement) and then
 * only bound and executed. PGlite plans every unnamed query afresh, and
 * planning was most of a query's time here: the slot list's query took
 * 3.4 ms, 1.1 ms once prepared; a session lookup 0.39 → 0.19 ms.
 */
const PREPARE_AT = 3;
/**
 * PGlite's buffer cache (PostgreSQL's shared_buffers; PGlite's default is
 * 128 MB). It lives in the process's memory; the operating system caches
 * the files behind it anyway. Half of it kept the national load test's
 * figures and took ≈ 100 MB less memory.
 */
const SHARED_BUFFERS = '64MB';
const MAX_PREPARED = 200;
const MAX_COUNTED = 5_000;
/** Only plain data statements are prepared. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Statements that leave every table's shape as it was. */
const KEEPS_SHAPES = /^\s*(begin|commit|savepoint|release|set|show|start transaction|end)\b/i;
const COMMITS = /^\s*(commit|end)\b/i;
const ROLLS_BACK = /^\s*(rollback|abort)\b/i;
/** Whether a statement that may change a table's shape ran since the last commit. */
let shapeMayHaveChanged = false;
/** @type {Map<string, number>} how often each text was run unprepared */
const counted = new Map();
/** @type {Map<string, { name: string, types: number[] }>} in least-recently-used order */
const prepared = new Map();
let statements = 0;

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
  pglite = await PGlite.create(workerData.dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}

/** One message after the other, in arrival order: the dialect relies on it (runsInSendOrder in pglite-thread.ts). */
let tail = Promise.resolve();

/** @typedef {{ id: number, sql?: string, params?: unknown[], close?: boolean }} Message */

port.on('message', (/** @type {Message} */ message) => {
  // A reply that cannot be sent must not stop the chain: every later message would wait forever.
  tail = tail
    .then(() => handle(message))
    .catch((/** @type {unknown} */ error) =>
      port.postMessage({ id: message.id, error: { message: `The embedded database could not answer: ${String(error)}` } }),
    );
});

async function handle(/** @type {Message} */ message) {
  if (!pglite) return port.postMessage({ id: message.id, error: { message: 'The embedded database did not open' } });
  if (message.close) {
    await pglite.close().catch(() => undefined);
    port.postMessage({ id: message.id, rows: [] });
    port.close();
    return;
  }
  try {
    const result = await run(pglite, message.sql ?? '', message.params ?? []);
    port.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    port.postMessage({ id: message.id, error: plainError(error) });
  }
}

/**
 * One query: as a prepared statement when its text has come often enough,
 * otherwise as PGlite's own (unnamed) query.
 * @param {PGlite} db @param {string} sql @param {unknown[]} params
 */
async function run(db, sql, params) {
  const unnamed = () => db.query(sql, params, { rowMode: 'object', parsers });
  if (!PREPARABLE.test(sql)) {
    const result = await unnamed();
    // A changed table could change a prepared statement's result columns (PostgreSQL then refuses to run it), and
    // a rollback can undo a change made after a statement was prepared: start afresh after either. Only once the
    // statement has run: in a transaction that already failed, DEALLOCATE fails too and the statements would stay.
    // A rollback forgets only when a shape may have changed since the last commit (most undo a refused write).
    if (COMMITS.test(sql)) {
      shapeMayHaveChanged = false;
    } else if (ROLLS_BACK.test(sql)) {
      if (shapeMayHaveChanged) await forgetPrepared(db);
    } else if (!KEEPS_SHAPES.test(sql)) {
      await forgetPrepared(db);
      shapeMayHaveChanged = true;
    }
    return result;
  }
  let statement = prepared.get(sql);
  if (statement === undefined) {
    const times = (counted.get(sql) ?? 0) + 1;
    if (counted.size >= MAX_COUNTED) counted.clear();
    counted.set(sql, times);
    if (times < PREPARE_AT) return unnamed();
    statement = await prepare(db, sql);
    // Could not be prepared (an error, an aborted transaction): the plain query reports it as usual.
    if (statement === undefined) return unnamed();
  } else {
    prepared.delete(sql);
    prepared.set(sql, statement);
  }
  const { name, types } = statement;
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serialize = db.serializers[types[i] ?? 0];
    return serialize ? serialize(value) : String(value);
  });
  /** @type {Awaited<ReturnType<PGlite['execProtocolStream']>>} */
  const messages = [];
  try {
    messages.push(...(await exchange(db, protocol.serialize.bind({ statement: name, values }))));
    messages.push(...(await exchange(db, protocol.serialize.describe({ type: 'P' }))));
    messages.push(...(await exchange(db, protocol.serialize.execute({}))));
  } finally {
    messages.push(...(await exchange(db, protocol.serialize.sync())));
  }
  await db.syncToFs();
  const [result] = results.parseResults(messages, db.parsers, { rowMode: 'object', parsers });
  return { rows: result?.rows ?? [], affectedRows: result?.affectedRows };
}

/** @param {PGlite} db @param {Uint8Array} message */
function exchange(db, message) {
  return db.execProtocolStream(message, { syncToFs: false });
}

/** @param {PGlite} db @param {string} sql @returns {Promise<{ name: string, types: number[] } | undefined>} */
async function prepare(db, sql) {
  const name = `jobbro_${(statements += 1)}`;
  try {
    await exchange(db, protocol.serialize.parse({ name, text: sql }));
    const described = await exchange(db, protocol.serialize.describe({ type: 'S', name }));
    const statement = { name, types: results.parseDescribeStatementResults(described) };
    prepared.set(sql, statement);
    counted.delete(sql);
    if (prepared.size > MAX_PREPARED) {
      const [oldest, { name: evicted }] = prepared.entries().next().value;
      prepared.delete(oldest);
      await exchange(db, protocol.serialize.close({ type: 'S', name: evicted }));
    }
    return statement;
  } catch {
    return undefined;
  } finally {
    await exchange(db, protocol.serialize.sync());
  }
}

/** @param {PGlite} db */
async function forgetPrepared(db) {
  if (prepared.size === 0) return;
  prepared.clear();
  counted.clear();
  // DEALLOCATE is not transactional; it fails only inside a transaction that already failed, which run() avoids.
  await exchange(db, protocol.serialize.query('deallocate all')).catch(() => undefined);
  await exchange(db, protocol.serialize.sync()).catch(() => undefined);
}
