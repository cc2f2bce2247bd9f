/** The app's logger: JSON lines (pino) with request ids and never personal data. */
import { pino, type Logger } from 'pino';
import type { AppEnv } from '../env.server.js';

export function createLogger(env: Pick<AppEnv, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: env.logLevel,
    base: { app: 'jobbro' },
    // Belt and braces: these never belong in a log line even if someone logs a whole object.
    redact: { paths: ['password', '*.password', 'email', '*.email', 'cookie', '*.cookie', 'authorization', '*.authorization', 'cpr', '*.cpr'], censor: '[redacted]' },
  });
}
