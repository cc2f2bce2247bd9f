/** The app's logger: JSON lines (pino) with request ids and never personal data. */
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { failedStatementOf } from '../../db/failed-statement.js';
import type { AppEnv } from '../env.server.js';

/**
 * A PostgreSQL error (pg's DatabaseError, PGlite's, or the embedded
 * database's copy across threads): it has a five-character SQLSTATE code and
 * a severity.
 */
function isDatabaseError(error: unknown): error is Error & Record<string, unknown> {
  return (
    error instanceof Error &&
    typeof Reflect.get(error, 'code') === 'string' &&
    /^[0-9A-Z]{5}$/.test(String(Reflect.get(error, 'code'))) &&
    typeof Reflect.get(error, 'severity') === 'string'
  );
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What a database error may say in a log: its code, the constraint, table
 * and column it names, and the shape of the statement (placeholders, no
 * values). Never its parameters, its `detail` ("Key (email)=(…) already
 * exists") or `where`, nor the quoted parts of its message, which repeat
 * the value that failed (`invalid input syntax for type date: "…"`).
 */
function databaseErrorShape(error: Error & Record<string, unknown>): Record<string, unknown> {
  const code = String(error.code);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type: 'DatabaseError',
    code,
    message: error.message.replace(/"[^"]*"/g, '"…"'),
    constraint: text(error.constraint),
    table: text(error.table),
    column: text(error.column),
    // Kysely's text of the statement (db/failed-statement.ts), else the one PGlite keeps on its errors; both hold
    // placeholders where the values go.
    statement: failedStatementOf(error) ?? text(error.query),
    stack: frames.length > 0 ? frames.join('\n') : undefined,
  };
}

/**
 * pino's error serializer, except that a database error (also as another
 * error's cause) is written by its shape only (see above).
 */
export function serializeError(error: unknown): unknown {
  if (isDatabaseError(error)) return databaseErrorShape(error);
  if (!(error instanceof Error)) return error;
  const { cause } = error;
  if (cause === undefined) return stdSerializers.err(error);
  // Not the standard serializer here: it copies the cause's message, which may be a database error's, into the error's.
  return { type: error.name, message: error.message, stack: error.stack, cause: serializeError(cause) };
}

export function createLogger(env: Pick<AppEnv, 'logLevel' | 'nodeEnv'>, destination?: DestinationStream): Logger {
  const options = {
    level: env.logLevel,
    base: { app: 'jobbro' },
    serializers: { err: serializeError },
    // Belt and braces: these never belong in a log line even if someone logs a whole object.
    redact: {
      paths: ['password', '*.password', 'email', '*.email', 'cookie', '*.cookie', 'authorization', '*.authorization', 'cpr', '*.cpr'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
