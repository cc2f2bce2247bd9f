/**
 * `npm start` / `npm run serve`: the production server. `npm run build`
 * bundles this folder with esbuild into server-build/index.js, which plain
 * node runs. It loads the Remix server build and takes from its entry module
 * (app/entry.server.tsx) everything it starts beside the routes: settings,
 * logger, services and their middleware. So routes and services share one
 * copy of every module (docs/decisions/0011-one-built-server.md).
 *
 * One process serves. With PostgreSQL, `JOBBRO_PROCESSES=N` runs N on one
 * port with node's cluster module; the first starts alone, so migrations and
 * a first-start seed run once. The embedded database belongs to one process
 * (db/data-dir-lock.ts refuses a second).
 */
import cluster from 'node:cluster';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { failStart, hasServerParts, listenProblem, runAppServer, type ServerParts } from './app.js';

type AppEnv = ReturnType<ServerParts['getEnv']>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

async function loadBuild(): Promise<{ build: ServerBuild; parts: ServerParts }> {
  let build: ServerBuild;
  try {
    build = await import(pathToFileURL(path.join(root, 'build/index.js')).href);
  } catch (error) {
    failStart(
      `the Remix build is missing or broken (${error instanceof Error ? error.message : String(error)}): run \`npm run build\` first (npm start does it for you)`,
    );
  }
  const entry = build.entry.module;
  if (!hasServerParts(entry)) failStart('the Remix build is older than the server: run `npm run build`');
  return { build, parts: entry };
}

/** Null when the port can be opened; otherwise why not. Checked before anything starts, so a taken port costs no database start. */
function portProblem(env: AppEnv): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(listenProblem(error, env)));
    probe.listen({ port: env.port, host: env.host ?? '0.0.0.0', exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/**
 * The primary of `JOBBRO_PROCESSES=N` (PostgreSQL only): forks the app
 * processes one after the other, greets once all listen, replaces one that
 * dies, and passes SIGTERM on.
 */
function runPrimary(env: AppEnv): void {
  let listening = 0;
  let stopping = false;
  const exitCode = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening < env.processes) cluster.fork();
    else if (listening === env.processes) printWelcome(env);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // The first never came up (it printed why): starting more would fail the same way.
    if (listening === 0) process.exit(code || 1);
    console.error(`An app process (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  cluster.fork();
}

async function main(): Promise<void> {
  const { build, parts } = await loadBuild();
  let env: AppEnv;
  try {
    env = parts.getEnv();
  } catch (error) {
    if (error instanceof parts.EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (cluster.isPrimary) {
    const problem = await portProblem(env);
    if (problem) failStart(problem);
    if (env.processes > 1) return runPrimary(env);
  }
  await runAppServer(env, build, parts, () => {
    if (cluster.isPrimary) printWelcome(env);
  });
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  failStart(`${error instanceof Error ? error.message : String(error)}${cause}`);
});
