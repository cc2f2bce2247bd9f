/**
 * `npm start` / `npm run serve`: the production server. Reads the settings,
 * then runs one app process (scripts/app-server.ts) or, with
 * `JOBBRO_PROCESSES=N`, forks N of them on one port. This process imports the
 * app only when it is one of them, so a primary stays small.
 */
import cluster, { type Worker } from 'node:cluster';
import { EnvError, getEnv, type AppEnv } from '../app/env.server.js';
import { createLogger } from '../app/lib/logger.server.js';

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
 * `JOBBRO_PROCESSES=N` (PostgreSQL only): this process forks N app processes
 * sharing one port. The first starts alone, so migrations and a first-start
 * seed run once; the rest follow when it listens. Sessions live in
 * PostgreSQL, so any process serves any user; each has its own outbox worker
 * (entries are claimed with SKIP LOCKED) and, with the embedded engine, its
 * own index that follows the others' changes (search/index-follower.server.ts).
 * A process that dies is replaced; SIGTERM stops them all gracefully.
 */
function runPrimary(env: AppEnv): void {
  const logger = createLogger(env);
  // Left to itself V8 lets each process's heap grow to ≈ 4× its live size under load (≈ 190 MB live, 850 MB resident
  // at national scale), so N processes outgrow a modest server. A limit makes it collect sooner instead.
  // An operator's own limit (NODE_OPTIONS or node's arguments) wins over the default.
  const ownLimit = env.heapMb === null || process.execArgv.some((arg) => arg.includes('--max-old-space-size'));
  if (!ownLimit) cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${env.heapMb}`] });
  let stopping = false;
  let started = 0;
  let listening = 0;
  // One at a time: each process builds its own index, and two at once would only slow both.
  const startNext = () => {
    started += 1;
    cluster.fork().once('listening', () => {
      listening += 1;
      if (started < env.processes) startNext();
      else if (listening === env.processes) logger.flush(() => printWelcome(env));
    });
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (listening === 0) {
      // The first never came up (bad settings, database unreachable): starting more would fail the same way.
      logger.error({ code, signal }, 'the first app process could not start');
      process.exit(1);
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'an app process exited; starting another');
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, processes: env.processes }, 'stopping the app processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  startNext();
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
  if (env.processes > 1 && cluster.isPrimary) return runPrimary(env);
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
