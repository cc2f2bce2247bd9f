/**
 * The database a maintenance command writes to. The embedded data directory
 * has one writer (db/data-dir-lock.ts): while the server or another command
 * holds it, the command refuses at once with one line naming that process,
 * or, given `--wait`, runs once that process has stopped.
 */
import type { AppEnv } from '../../app/env.server.js';
import { openDatabase, type Database } from '../../db/client.server.js';
import { DataDirectoryInUse, DataDirectoryUnusable } from '../../db/data-dir-lock.js';

export async function openForMaintenance(database: AppEnv['database'], argv: readonly string[] = process.argv.slice(2)): Promise<Database> {
  if (database.kind === 'postgres') return openDatabase(database);
  const wait = argv.includes('--wait');
  try {
    return await openDatabase({
      ...database,
      ...(wait
        ? {
            waitForHolder: {
              onWait: (holder) => console.error(`Waiting for process ${holder.pid} (${holder.command}) to stop: it holds ${database.dataDir}`),
            },
          }
        : {}),
    });
  } catch (error) {
    if (error instanceof DataDirectoryInUse) {
      console.error(`Refused: ${error.message}, or add --wait to run once it has stopped.`);
      process.exit(1);
    }
    if (error instanceof DataDirectoryUnusable) {
      console.error(`Refused: ${error.message}.`);
      process.exit(1);
    }
    throw error;
  }
}
