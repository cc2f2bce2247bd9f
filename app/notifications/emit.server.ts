/**
 * Writing what happened and who is told, inside the transaction of the
 * change that causes it (so either both stay or neither does). Immediate
 * mails are queued in the same transaction and delivered after commit by
 * the delivery worker (delivery.server.ts); digest mails wait for the day's
 * digest (digest.server.ts).
 */
import type { Transaction } from 'kysely';
import {
  insertNotificationEvent,
  insertNotificationRow,
  insertOutgoingMail,
  selectMailPreferences,
  selectRecipients,
} from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import { isMailMode, mailModeFor, notificationKinds, recipientLanguage, type MailMode, type NotificationKind } from './kinds.js';
import { renderImmediateMail, type NotificationParams } from './texts.server.js';

export type NotificationDraft = { userId: string; kind: NotificationKind; params: NotificationParams; link: string };

export type NotificationEvent = {
  /** What happened, e.g. 'proposal.approved'. */
  kind: string;
  actorUserId: string | null;
  subjectType: string;
  subjectId: string;
  /** Given for reminders: an event with the same key is written once, whoever runs the job and however often. */
  dedupeKey?: string;
  at: Date;
};

/**
 * Records the event and one notification per draft (not to the person who
 * acted, and only to a person whose role the kind is for). Returns the
 * number of notifications written; 0 when the event was written before
 * (its dedupe key exists).
 */
export async function notify(trx: Transaction<DB>, event: NotificationEvent, drafts: readonly NotificationDraft[]): Promise<number> {
  const wanted = drafts.filter((draft) => draft.userId !== event.actorUserId);
  if (wanted.length === 0) return 0;
  const eventId = await insertNotificationEvent(trx, { ...event, dedupeKey: event.dedupeKey ?? null });
  if (eventId === null) return 0;
  const recipients = new Map(
    (
      await selectRecipients(
        trx,
        wanted.map((d) => d.userId),
      )
    ).map((r) => [r.id, r]),
  );
  const preferences = await selectMailPreferences(trx, [...recipients.keys()]);
  let written = 0;
  const seen = new Set<string>();
  for (const draft of wanted) {
    const recipient = recipients.get(draft.userId);
    if (!recipient || recipient.role !== notificationKinds[draft.kind].role) continue;
    const key = `${draft.userId}\u0000${draft.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const chosen = new Map<string, MailMode>(
      preferences.filter((p) => p.user_id === recipient.id && isMailMode(p.mail_mode)).map((p) => [p.kind, p.mail_mode]),
    );
    const mailMode = mailModeFor(draft.kind, chosen);
    let mailId: string | null = null;
    if (mailMode === 'immediate') {
      const lng = recipientLanguage(recipient.role, recipient.locale);
      const mail = await renderImmediateMail(lng, recipient.display_name, draft.kind, draft.params, draft.link);
      mailId = await insertOutgoingMail(trx, { to: recipient.email, ...mail, dedupeKey: null, at: event.at });
    }
    await insertNotificationRow(trx, {
      eventId,
      userId: recipient.id,
      kind: draft.kind,
      params: draft.params,
      link: draft.link,
      mailMode,
      mailId,
      at: event.at,
    });
    written++;
  }
  return written;
}
