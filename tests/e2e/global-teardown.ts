/**
 * Playwright's global teardown: scans the server's output of the whole run
 * for personal data (server-log-scan.ts, run under tsx so the seed's data
 * files load as they do in the app). A hit fails the run.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const SERVER_LOG = path.resolve('.e2e-logs/server.log');

export default function scanTheServerLog(): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.resolve('tests/e2e/server-log-scan.ts'), SERVER_LOG], { stdio: 'inherit' });
}
