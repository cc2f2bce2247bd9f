/**
 * Notifications (issue 23): what happened (notification_events), who is told
 * (notifications, one per recipient, read or not), how each person wants to
 * be mailed per kind (notification_preferences), which offers a candidate
 * has already been told of (offer_notices), and the mail queue that delivers
 * after commit with retries (outgoing_mails).
 *
 * An event's dedupe_key makes the scheduled job idempotent: the same
 * reminder for the same thing is inserted once, whatever runs it.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table outgoing_mails (
    id uuid primary key default gen_random_uuid(),
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    dedupe_key text unique,
    state text not null default 'pending' check (state in ('pending', 'sent')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until timestamptz,
    last_error text,
    sent_at timestamptz,
    created_at timestamptz not null default now()
  )`.execute(db);
  // The worker's one question: which pending mails are due.
  await sql`create index outgoing_mails_due_idx on outgoing_mails (next_attempt_at) where state = 'pending'`.execute(db);

  await sql`create table notification_events (
    id uuid primary key default gen_random_uuid(),
    kind text not null,
    actor_user_id uuid references users(id) on delete set null,
    subject_type text not null,
    subject_id text not null,
    dedupe_key text unique,
    created_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table notifications (
    id uuid primary key default gen_random_uuid(),
    event_id uuid not null references notification_events(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    kind text not null,
    params jsonb not null default '{}'::jsonb,
    link text not null,
    mail_mode text not null check (mail_mode in ('immediate', 'digest', 'off')),
    mail_id uuid references outgoing_mails(id) on delete set null,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`.execute(db);
  await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
  await sql`create index notifications_digest_idx on notifications (user_id) where mail_mode = 'digest' and mail_id is null and read_at is null`.execute(
    db,
  );
  await sql`create index notifications_event_idx on notifications (event_id)`.execute(db);

  await sql`create table notification_preferences (
    user_id uuid not null references users(id) on delete cascade,
    kind text not null,
    mail_mode text not null check (mail_mode in ('immediate', 'digest', 'off')),
    primary key (user_id, kind)
  )`.execute(db);

  await sql`create table offer_notices (
    candidate_id uuid not null references candidates(id) on delete cascade,
    slot_id uuid not null references slots(id) on delete cascade,
    told_at timestamptz not null default now(),
    primary key (candidate_id, slot_id)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists offer_notices`.execute(db);
  await sql`drop table if exists notification_preferences`.execute(db);
  await sql`drop table if exists notifications`.execute(db);
  await sql`drop table if exists notification_events`.execute(db);
  await sql`drop table if exists outgoing_mails`.execute(db);
}
