/**
 * `npm start` / `npm run serve`: the production server. Reads the settings,
 * then forks the app processes (scripts/app-server.ts; one, or
 * `JOBBRO_PROCESSES=N` on one port) with their heap limit. This process
 * imports the app only when it is one of them, so a primary stays small; it
 * runs the app itself only when the operator set their own heap limit. With
 * the embedded database and several processes it holds the database for them
 * (db/pglite-broker.server.ts).
 */
import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import { EnvError, getEnv, sharesEmbeddedDatabase, type AppEnv } from '../app/env.server.js';
import { createLogger } from '../app/lib/logger.server.js';
import { handConnectionsInTurn, isServing } from './connections-in-turn.js';

const DEMO_PASSWORD = 'demo-jobbro-2026';
const DEMO_ROLES = ['employer', 'consultant', 'candidate', 'admin'] as const;

function printWelcome(env: AppEnv): void {
  const lines = [`Jobbro is running at http://localhost:${env.port}`];
  if (env.demo) {
    lines.push('Demo logins:');
    for (const role of DEMO_ROLES) lines.push(`  ${role.padEnd(11)} ${role}@demo.jobbro.dk / ${DEMO_PASSWORD}`);
  }
  console.log(lines.join('\n'));
}

/**
 * Left to itself V8 lets a busy process's heap grow to ≈ 4× its live size
 * (≈ 190 MB live at national scale: 850 MB resident for each of two processes;
 * one embedded process passed 1.5 GB after a minute of load). A limit makes it
 * collect sooner instead. Node takes the limit only on its command line, so a
 * process that needs one is forked with it. An operator's own limit
 * (NODE_OPTIONS or node's arguments) wins over the default: null then.
 */
function heapLimitArg(env: AppEnv): string | null {
  return env.heapMb === null || setByOperator('--max-old-space-size') ? null : `--max-old-space-size=${env.heapMb}`;
}

/** A V8 flag the operator gave node themselves, in its arguments or NODE_OPTIONS: theirs wins over ours. */
function setByOperator(flag: string): boolean {
  return process.execArgv.some((arg) => arg.includes(flag)) || Boolean(process.env.NODE_OPTIONS?.includes(flag));
}

/**
 * Each half of V8's young generation, in MB, for the forked app processes
 * (V8 gives 16 with these heap limits). A page's objects live as long as the
 * request, and with many requests in progress they outlived two young
 * collections and moved to the old generation, whose full collections then
 * paused the process. Twice the room: PostgreSQL load test, offers page p95
 * 181–197 → 143–168 ms and queue 236–270 → 204–261 ms in alternating runs,
 * for ≈ 50 MB more resident memory per process. An operator's own
 * `--max-semi-space-size` wins.
 */
const SEMI_SPACE_MB = 32;

/**
 * `JOBBRO_PROCESSES=N` (also N = 1, to give the one process its heap
 * limit): this process forks N app processes and hands the connections on
 * its port to each in turn (connections-in-turn.ts). The first
 * starts alone, so migrations and a first-start seed run once; the port
 * opens when it serves, and the rest follow. Sessions live in
 * PostgreSQL, so any process serves any user; each has its own outbox worker
 * (entries are claimed with SKIP LOCKED) and, with the embedded engine, its
 * own index that follows the others' changes (search/index-follower.server.ts).
 * A process that dies is replaced; SIGTERM stops them all gracefully.
 */
async function runPrimary(env: AppEnv): Promise<void> {
  const logger = createLogger(env);
  const limit = heapLimitArg(env);
  // Several processes on the embedded database go without: their ≈ 50 MB each took them and the primary's database over
  // the 1.5 GB of the national load test (1.57 GB at peak).
  const sharedDatabase = sharesEmbeddedDatabase(env);
  const young = sharedDatabase || setByOperator('--max-semi-space-size') ? null : `--max-semi-space-size=${SEMI_SPACE_MB}`;
  // 'advanced': the embedded database's rows and parameters cross the IPC channel with their types (Date, bytes).
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...[limit, young].filter((arg) => arg !== null)], serialization: 'advanced' });
  const heldDatabase = sharedDatabase ? await holdEmbeddedDatabase(env.database.dataDir) : null;
  const exit = (code: number) => {
    // The embedded database is closed after the last app process, so it is left whole on disk.
    (heldDatabase?.close() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
  };
  const connections = handConnectionsInTurn();
  let stopping = false;
  let exitCode = 0;
  let started = 0;
  let serving = 0;
  // One at a time: each process builds its own index, and two at once would only slow both.
  const startNext = () => {
    started += 1;
    cluster.fork();
  };
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isServing(message) || stopping) return;
    connections.add(worker);
    serving += 1;
    if (serving === 1) {
      connections.listen(env.port, env.host ?? '0.0.0.0').catch((error: unknown) => {
        logger.error({ err: error, port: env.port }, 'the port could not be opened');
        stop('SIGTERM', 1);
      });
    }
    if (started < env.processes) startNext();
    else if (serving === env.processes) logger.flush(() => printWelcome(env));
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    connections.remove(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) exit(exitCode);
      return;
    }
    if (serving === 0) {
      // The first never came up (bad settings, database unreachable): starting more would fail the same way.
      logger.error({ code, signal }, 'the first app process could not start');
      exit(1);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'an app process exited; starting another');
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    connections.close();
    logger.info({ signal, processes: env.processes }, 'stopping the app processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) exit(code);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  startNext();
}

/** Opens the embedded database in this process (its own thread) and answers the app processes' queries. */
async function holdEmbeddedDatabase(dataDir: string): Promise<{ close(): Promise<void> }> {
  const { openPGliteThread } = await import('../db/pglite-thread.js');
  const { createPGliteBroker, serveClusterWorkers } = await import('../db/pglite-broker.server.js');
  fs.mkdirSync(dataDir, { recursive: true });
  const broker = createPGliteBroker(await openPGliteThread(dataDir));
  serveClusterWorkers(broker, cluster);
  return broker;
}

async function main(): Promise<void> {
  let env: AppEnv;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (cluster.isPrimary && (env.processes > 1 || heapLimitArg(env) !== null)) return runPrimary(env);
  const { runAppServer } = await import('./app-server.js');
  // With several processes the primary greets once all of them listen.
  await runAppServer(env, () => {
    if (cluster.isPrimary) printWelcome(env);
  });
}

main().catch((error: unknown) => {
  console.error('Jobbro could not start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error('  cause:', error.cause instanceof Error ? error.cause.message : error.cause);
  process.exit(1);
});
