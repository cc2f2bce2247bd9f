/**
 * One writer per embedded data directory. PGlite keeps the database in
 * memory and writes it back to its directory; two processes on one directory
 * both accept writes and overwrite each other's (a second server's
 * acknowledged writes were gone after a restart). So whoever opens it — the
 * server or a maintenance command — first takes a lock file beside it
 * (`<dir>.lock`, holding the pid, the process's start time and its command)
 * and refuses at once, naming the holder, when a live process has it.
 *
 * A lock left by a process that died (SIGKILL, a crash, a reboot) is taken
 * over: its pid no longer runs, or runs a process that started at another
 * time (the pid was reused).
 */
import fs from 'node:fs';
import path from 'node:path';

type Holder = { pid: number; startedAt: string | null; command: string };

/** The directory is held by another live process (or by this one, opened twice). */
export class DataDirectoryInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${holder.pid}` +
        `${holder.pid === process.pid ? ' (this process)' : ''} (${holder.command}); stop that process first`,
    );
    this.name = 'DataDirectoryInUse';
  }
}

/** The directory or its lock file cannot be created or written (permissions, a read-only disk, a file in the way). */
export class DataDirectoryUnusable extends Error {
  constructor(dataDir: string, cause: unknown) {
    const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : String(cause);
    super(`the data directory ${dataDir} is not writable (${code}); set JOBBRO_DATA_DIR to a directory this user can write`, { cause });
    this.name = 'DataDirectoryUnusable';
  }
}

export type DataDirectoryLock = {
  /** Removes the lock file if it is still this holder's; safe to call twice. */
  release(): void;
};

export type LockOptions = {
  /** Wait for the holder to stop instead of refusing; `onWait` hears once whom it waits for. */
  wait?: { onWait?: (holder: Holder) => void; pollMs?: number };
};

/** The start time of a process (clock ticks after boot, /proc/<pid>/stat field 22), or null where /proc does not tell. */
function startTimeOf(pid: number): string | null {
  try {
    const afterName = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '';
    return afterName.split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
  const startedAt = startTimeOf(holder.pid);
  return holder.startedAt === null || startedAt === null || startedAt === holder.startedAt;
}

function readHolder(lockFile: string): Holder | null {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      const startedAt = 'startedAt' in parsed && typeof parsed.startedAt === 'string' ? parsed.startedAt : null;
      const command = 'command' in parsed && typeof parsed.command === 'string' ? parsed.command : 'unknown command';
      return { pid: parsed.pid, startedAt, command };
    }
  } catch {
    // Half written by a process that died while writing it: nobody holds it.
  }
  return { pid: 0, startedAt: null, command: 'a broken lock file' };
}

function commandOf(): string {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) || process.argv[1] : '';
  return [path.basename(process.argv0), script, ...process.argv.slice(2)].filter(Boolean).join(' ').slice(0, 200);
}

/** One attempt: the lock, the live holder that has it, or null after clearing a dead holder's lock (try again). */
function tryLock(dataDir: string, lockFile: string): DataDirectoryLock | Holder | null {
  const own: Holder = { pid: process.pid, startedAt: startTimeOf(process.pid), command: commandOf() };
  const content = JSON.stringify(own);
  const draft = `${lockFile}.${process.pid}.${Date.now()}`;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
    fs.writeFileSync(draft, content);
  } catch (error) {
    throw new DataDirectoryUnusable(dataDir, error);
  }
  try {
    // A hard link is made whole or not at all, and never over an existing file: of two at once, one wins.
    fs.linkSync(draft, lockFile);
    return {
      release() {
        if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      },
    };
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw new DataDirectoryUnusable(dataDir, error);
    const holder = readHolder(lockFile);
    if (holder && holder.pid !== 0 && isAlive(holder)) return holder;
    // Dead (or unreadable) holder: remove its lock and try again.
    fs.rmSync(lockFile, { force: true });
    return null;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

const isLock = (value: DataDirectoryLock | Holder | null): value is DataDirectoryLock => value !== null && 'release' in value;

/**
 * Takes `dataDir`'s lock (`<dataDir>.lock`), creating the directory when it
 * is new. Throws DataDirectoryInUse when a live process holds it (unless
 * told to wait) and DataDirectoryUnusable when it cannot be written.
 */
export async function lockDataDirectory(dataDir: string, options: LockOptions = {}): Promise<DataDirectoryLock> {
  const lockFile = `${dataDir}.lock`;
  let announced = false;
  for (;;) {
    const result = tryLock(dataDir, lockFile);
    if (isLock(result)) return result;
    if (result === null) continue;
    if (!options.wait) throw new DataDirectoryInUse(dataDir, result);
    if (!announced) options.wait.onWait?.(result);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, options.wait?.pollMs ?? 500));
  }
}
