/**
 * Queries whose SQL text depends only on a few choices (which filters are
 * set, which page) and not on the values: Kysely builds and compiles a query
 * afresh on every call, which for the consultant queue's query was ≈ 8 % of
 * the page's main-thread CPU. A reusable query is built and compiled once per
 * shape with stand-ins for its values; later calls put their values in the
 * stand-ins' places and send the same text, which both databases then keep
 * prepared (pglite-worker.js, pg-prepared.ts).
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from '../client.server.js';
import { prepareOnServer } from '../pg-prepared.js';

/** One parameter of a compiled shape: the call's value at `index`, or a value the query itself fixed. */
type Parameter = { index: number } | { fixed: unknown };
type Shape = { sql: string; parameters: Parameter[] };

/** Shapes remembered per query; the shape keys of a query are few, so more means a key holds a value by mistake. */
const MAX_SHAPES = 500;

/**
 * `build(db, form, values)` writes the SQL text from `form` (named by
 * `keyOf(form)`; leave it out when the text has one form) and from which
 * values are undefined (a part left out); each
 * value it may use only as a query parameter, as it is (never in the text,
 * never transformed).
 */
export function reusableQuery<Row, Form, Values extends readonly unknown[]>(
  build: (db: Executor, form: Form, values: Values) => Compilable<Row>,
  keyOf: (form: Form) => string = () => '',
): (db: Executor, form: Form, values: Values) => Promise<Row[]> {
  const shapes = new Map<string, Shape>();
  const compileShape = (db: Executor, form: Form, values: Values): Shape => {
    // Stand-ins only where a value is set: an undefined value leaves its part out of the query.
    const standIns = values.map((value, i) => (value === undefined ? undefined : `\u0000value ${i}\u0000`));
    const compiled = build(db, form, standIns as unknown as Values).compile();
    return {
      sql: prepareOnServer(compiled.sql),
      parameters: compiled.parameters.map((parameter) => {
        const index = typeof parameter === 'string' ? standIns.indexOf(parameter) : -1;
        return index >= 0 ? { index } : { fixed: parameter };
      }),
    };
  };
  return async (db, form, values) => {
    const key = `${keyOf(form)} ${values.map((value) => (value === undefined ? '-' : '+')).join('')}`;
    let shape = shapes.get(key);
    if (shape === undefined) {
      shape = compileShape(db, form, values);
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(key, shape);
    }
    const parameters = shape.parameters.map((parameter) => ('index' in parameter ? values[parameter.index] : parameter.fixed));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(shape.sql, parameters));
    return result.rows;
  };
}
