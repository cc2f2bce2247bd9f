// @ts-check
/**
 * PGlite's value parsers, so the embedded database gives the same types as
 * `pg` does in client.server.ts: int8 and numeric as numbers, dates as
 * 'YYYY-MM-DD' text. Plain JavaScript: the database's worker thread
 * (pglite-worker.js) loads it without a TypeScript loader.
 */
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;

const parseNumber = (/** @type {string} */ value) => Number(value);
const keepDateText = (/** @type {string} */ value) => value;

export const pgliteParsers = { [PG_INT8]: parseNumber, [PG_NUMERIC]: parseNumber, [PG_DATE]: keepDateText };
