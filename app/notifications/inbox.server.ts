/**
 * The person's own notifications: the unread count every signed-in page
 * shows, the list at /notifications (newest first, each with what happened,
 * what to do and where), marking read, and the mail choices per kind.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  countUnreadOf,
  markNotificationsRead,
  selectMailPreferences,
  selectNotificationsOf,
  upsertMailPreferences,
} from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import type { SessionUser } from '../auth/session.server.js';
import { i18nInstanceFor } from '../i18n/i18next.server.js';
import type { Lng } from '../i18n/i18n.js';
import { InvalidInput, NotFound } from '../lib/errors.js';
import { isMailMode, isNotificationKind, kindsFor, mailModeFor, mailModes, type MailMode, type NotificationKind } from './kinds.js';
import { describeWith } from './texts.server.js';

type Reader = Pick<SessionUser, 'id' | 'role'>;
const LIST_LIMIT = 200;

/** The mark-read form: one notification by id, or all of them. Here rather than in the route: a Zod schema in a route module ships Zod to the browser. */
export const markReadFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('one'), id: z.string().uuid() }),
  z.object({ intent: z.literal('all') }),
]);

export async function unreadCount(deps: { db: Kysely<DB> }, user: Reader): Promise<number> {
  return countUnreadOf(deps.db, user.id);
}

export type InboxItem = { id: string; kind: string; title: string; next: string; link: string; createdAt: string; read: boolean };

/** The person's notifications, newest first, written in `lng`. */
export async function listNotifications(deps: { db: Kysely<DB> }, user: Reader, lng: Lng): Promise<InboxItem[]> {
  const rows = await selectNotificationsOf(deps.db, user.id, LIST_LIMIT);
  const t = (await i18nInstanceFor(lng)).getFixedT(lng);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    ...describeWith(t, lng, row.kind, row.params),
    link: row.link,
    createdAt: new Date(row.created_at).toISOString(),
    read: row.read_at !== null,
  }));
}

/**
 * Marks one notification (or all) read; returns how many changed.
 * @throws NotFound when the id is not one of the person's unread notifications.
 */
export async function markRead(deps: { db: Kysely<DB>; clock: () => Date }, user: Reader, target: { id: string } | 'all'): Promise<number> {
  if (target === 'all') return markNotificationsRead(deps.db, user.id, deps.clock());
  const changed = await markNotificationsRead(deps.db, user.id, deps.clock(), target.id);
  if (changed === 0) throw new NotFound('Unread notification', target.id);
  return changed;
}

export type MailChoice = { kind: NotificationKind; mode: MailMode };

/**
 * The mail-settings form of someone of `role`: one field per kind they
 * receive, each immediate, digest or off (a kind left out keeps its current
 * choice). Other fields pass through to {@link saveMailSettings}, which
 * refuses any kind the person cannot receive by name.
 */
export function mailSettingsFormSchema(role: string) {
  const choice = z.enum(mailModes, { message: 'settings.invalid' }).optional();
  return z.looseObject(Object.fromEntries(kindsFor(role).map((kind) => [kind, choice])));
}

/** The person's mail choice for every kind they can receive (their own, else the default). */
export async function mailSettings(deps: { db: Kysely<DB> }, user: Reader): Promise<MailChoice[]> {
  const rows = await selectMailPreferences(deps.db, [user.id]);
  const chosen = new Map<string, MailMode>(rows.filter((row) => isMailMode(row.mail_mode)).map((row) => [row.kind, row.mail_mode]));
  return kindsFor(user.role).map((kind) => ({ kind, mode: mailModeFor(kind, chosen) }));
}

/**
 * Saves the choices in the form (field per kind, value immediate, digest or
 * off). Kinds the person cannot receive are refused.
 * @throws InvalidInput naming the field.
 */
export async function saveMailSettings(deps: { db: Kysely<DB> }, user: Reader, form: Record<string, unknown>): Promise<void> {
  const own = new Set<string>(kindsFor(user.role));
  const choices: MailChoice[] = [];
  const errors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(form)) {
    if (!isNotificationKind(field) || !own.has(field)) {
      errors[field] = ['not a notification you receive'];
      continue;
    }
    if (!isMailMode(value)) {
      errors[field] = [`must be one of ${mailModes.join(', ')}`];
      continue;
    }
    choices.push({ kind: field, mode: value });
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput('Some choices are not valid', errors);
  await deps.db.transaction().execute((trx) => upsertMailPreferences(trx, user.id, choices));
}
