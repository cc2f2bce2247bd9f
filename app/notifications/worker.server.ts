/**
 * The background side of notifications, started in one small function so it
 * can move wherever the app starts its background work: delivery of the mail
 * queue every second, and the scheduled reminders and digests every quarter
 * of an hour (and once at start). Each loop waits for its own previous round.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Mailer } from '../mail/mailer.server.js';
import { deliverDueMails } from './delivery.server.js';
import { composeDigests } from './digest.server.js';
import { runScheduledNotices } from './schedule.server.js';

export const DELIVERY_INTERVAL_MS = 1_000;
export const SCHEDULE_INTERVAL_MS = 15 * 60 * 1000;

export type NotificationWorker = { stop(): Promise<void> };

type WorkerLogger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

function every(intervalMs: number, round: () => Promise<void>): NotificationWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().then(() => schedule(intervalMs));
    }, delay);
    timer.unref?.();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Starts delivery and the schedule; `stop()` waits for a round in progress. */
export function startNotificationWorker(deps: {
  db: Kysely<DB>;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
  logger: WorkerLogger;
}): NotificationWorker {
  const delivery = every(DELIVERY_INTERVAL_MS, async () => {
    try {
      const round = await deliverDueMails(deps);
      if (round.sent + round.failed > 0) deps.logger.info(round, 'mail delivery');
    } catch (error) {
      deps.logger.warn({ err: error }, 'mail delivery failed; will try again');
    }
  });
  const schedule = every(SCHEDULE_INTERVAL_MS, async () => {
    try {
      const reminders = await runScheduledNotices(deps);
      const digests = await composeDigests(deps);
      deps.logger.info({ ...reminders, digests }, 'scheduled notifications');
    } catch (error) {
      deps.logger.warn({ err: error }, 'scheduled notifications failed; will try again');
    }
  });
  return {
    async stop() {
      await Promise.all([delivery.stop(), schedule.stop()]);
    },
  };
}
