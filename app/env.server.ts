/**
 * The only module that reads `process.env`. Everything else receives an
 * `AppEnv`, so tests and scripts can pass their own settings.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value === '1' || value === 'true'));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: optionalText,
  JOBBRO_DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  MEILI_HOST: optionalText.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:7700' }).optional()),
  MEILI_MASTER_KEY: optionalText,
  MEILI_API_KEY: optionalText,
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, 'may contain only a-z, 0-9 and _')
    .default('jobbro_'),
  JOBBRO_DEMO: flag,
  JOBBRO_SECURE_COOKIES: flag,
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: z.string().default('Jobbro <no-reply@jobbro.dk>'),
  JOBBRO_PUBLIC_URL: optionalText.pipe(z.url({ message: 'must be a URL such as https://jobbro.dk' }).optional()),
  CPR_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (a 256-bit key)')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBBRO_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  JOBBRO_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
  JOBBRO_API_ADDRESS_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
  JOBBRO_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  JOBBRO_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1_024).optional(),
  JOBBRO_FORM_BODY_LIMIT_KB: z.coerce.number().int().min(8).max(10_240).default(128),
  JOBBRO_API_BODY_LIMIT_KB: z.coerce.number().int().min(8).max(102_400).default(512),
});

export type AppEnv = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  dataDir: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  search:
    { kind: 'embedded' } | { kind: 'meilisearch'; host: string; masterKey: string | undefined; apiKey: string | undefined; indexPrefix: string };
  demo: boolean;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where people reach the app: the start of every link in a mail (default http://localhost:PORT). */
  publicUrl: string;
  cprEncryptionKey: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  outboxIntervalMs: number;
  /** /api/v1 requests per minute per API key, and per client address for calls without a key. */
  apiRateLimits: { perKeyPerMinute: number; perAddressPerMinute: number };
  /** App processes server/index.ts runs on one port with node's cluster module; more than one only with PostgreSQL. */
  processes: number;
  /** Requests one app process works on at once; the others wait their turn (app/lib/admission.server.ts). */
  concurrentRequests: number;
  /**
   * The most a request body may hold, in bytes, counted as it streams (app/lib/body-limit.server.ts): form posts of
   * pages, and JSON bodies of /api/. Past it the request is answered 413 and no more is read.
   */
  bodyLimits: { form: number; api: number };
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses settings; throws an `EnvError` naming every wrong setting. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MEILI_MASTER_KEY === undefined && e.MEILI_API_KEY === undefined && e.MEILI_HOST && e.NODE_ENV === 'production') {
    problems.push('MEILI_MASTER_KEY: required in production when MEILI_HOST is set (or give MEILI_API_KEY)');
  }
  if ((e.MEILI_MASTER_KEY || e.MEILI_API_KEY) && !e.MEILI_HOST) {
    problems.push('MEILI_HOST: required when a Meilisearch key is set');
  }
  // The embedded database belongs to one process (db/data-dir-lock.ts); several share a PostgreSQL server.
  if (e.JOBBRO_PROCESSES > 1 && e.DATABASE_URL === undefined) {
    problems.push('JOBBRO_PROCESSES: more than one process needs PostgreSQL (set DATABASE_URL); the embedded database serves one');
  }
  if (problems.length > 0) throw new EnvError(problems);

  const dataDir = path.resolve(cwd, e.JOBBRO_DATA_DIR ?? 'data');
  const embeddedDatabase = e.DATABASE_URL === undefined;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    search: e.MEILI_HOST
      ? {
          kind: 'meilisearch',
          host: e.MEILI_HOST,
          masterKey: e.MEILI_MASTER_KEY,
          apiKey: e.MEILI_API_KEY,
          indexPrefix: e.MEILI_INDEX_PREFIX,
        }
      : { kind: 'embedded' },
    // Demo accounts are part of the embedded default; on servers they must be asked for.
    demo: e.JOBBRO_DEMO ?? embeddedDatabase,
    secureCookies: e.JOBBRO_SECURE_COOKIES ?? false,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.JOBBRO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    cprEncryptionKey: e.CPR_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL,
    outboxIntervalMs: e.JOBBRO_OUTBOX_INTERVAL_MS,
    apiRateLimits: { perKeyPerMinute: e.JOBBRO_API_RATE_PER_MINUTE, perAddressPerMinute: e.JOBBRO_API_ADDRESS_RATE_PER_MINUTE },
    processes: e.JOBBRO_PROCESSES,
    // The embedded database answers one query at a time (in its own thread): a few requests at once keep it and the
    // main thread busy; more only lengthen every request.
    concurrentRequests: e.JOBBRO_CONCURRENT_REQUESTS ?? (embeddedDatabase ? 8 : 16),
    // The longest form (5,000-character notes in Arabic or Ukrainian, percent-encoded: ≈ 30 KB a field) fits in 128 KB
    // several times over; the API's slot bodies are a few KB.
    bodyLimits: { form: e.JOBBRO_FORM_BODY_LIMIT_KB * 1024, api: e.JOBBRO_API_BODY_LIMIT_KB * 1024 },
  };
}

let cached: AppEnv | undefined;

/** The process's settings, parsed once. */
export function getEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
