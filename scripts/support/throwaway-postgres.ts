/**
 * A throwaway PostgreSQL server from the local binaries, on a free loopback
 * port, in a temporary directory removed on stop: for the Vitest global
 * setup, the load test and the schema snapshots. Durability is off — nothing
 * in it outlives the run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

/** A port free on 127.0.0.1 at the moment of asking. */
export function freePort(): Promise<number> {
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
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run([command, args]: [string, string[]]): void {
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export type ThrowawayPostgres = {
  /** URL of the `postgres` database as the superuser `postgres` (trust auth). */
  url: string;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  /** Stops the server at once and removes its directory. */
  stop(): void;
};

export async function startThrowawayPostgres(options: { binDir?: string; prefix: string; settings?: string[] }): Promise<ThrowawayPostgres> {
  const binDir = options.binDir ?? DEFAULT_PG_BIN;
  if (!fs.existsSync(path.join(binDir, 'initdb'))) {
    throw new Error(`PostgreSQL binaries not found in ${binDir}; install postgresql-15 or point JOBBRO_PG_BIN at them`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', root]);
  fs.chmodSync(root, 0o755);
  run(asPostgres(path.join(binDir, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']));
  const port = await freePort();
  const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', ...(options.settings ?? [])];
  const serverOptions = [`-p ${port}`, `-k ${socketDir}`, ...settings.map((setting) => `-c ${setting}`)].join(' ');
  run(asPostgres(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', serverOptions, '-l', path.join(root, 'server.log'), '-w', 'start']));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid: Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run(asPostgres(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']));
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
