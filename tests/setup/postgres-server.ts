/**
 * Vitest global setup: starts a throwaway PostgreSQL 15 server from the
 * local binaries on a free port, and stops it afterwards. Suites get its URL
 * through `inject('postgresUrl')` and create their own database on it.
 * Set JOBBRO_TEST_POSTGRES=0 to skip the server suites on a machine without it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const BIN_DIR = process.env.JOBBRO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root; run the server as the `postgres` user then. */
function asPostgres(command: string, args: string[]): string[] {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(argv: string[]): void {
  const [command, ...args] = argv;
  execFileSync(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export default async function setup(project: TestProject) {
  if (process.env.JOBBRO_TEST_POSTGRES === '0') {
    project.provide('postgresUrl', null);
    return;
  }
  if (!fs.existsSync(path.join(BIN_DIR, 'initdb'))) {
    throw new Error(`PostgreSQL binaries not found in ${BIN_DIR}; install postgresql-15 or set JOBBRO_TEST_POSTGRES=0`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', root]);
  fs.chmodSync(root, 0o755);

  run(asPostgres(path.join(BIN_DIR, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']));
  const port = await freePort();
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(asPostgres(path.join(BIN_DIR, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(root, 'server.log'), '-w', 'start']));

  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);

  return () => {
    try {
      run(asPostgres(path.join(BIN_DIR, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}
