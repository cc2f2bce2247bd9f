/**
 * The SQL text of the statement a database error came from, for the logs:
 * its shape only (`… where email = $1`), never the parameters. Kysely hands
 * every failed query to the `log` hook of the client (client.server.ts),
 * which records it here against the error it threw; the logger reads it back
 * (app/lib/logger.server.ts). A WeakMap, so an error that is dropped takes
 * its record with it.
 */
import type { LogEvent } from 'kysely';

const statements = new WeakMap<object, string>();

/** Kysely's `log` option: remembers each failed statement's text by its error. */
export function recordFailedStatement(event: LogEvent): void {
  if (event.level === 'error' && typeof event.error === 'object' && event.error !== null) statements.set(event.error, event.query.sql);
}

/** The SQL text (placeholders, no values) of the statement that threw `error`, when Kysely ran it. */
export function failedStatementOf(error: object): string | undefined {
  return statements.get(error);
}
