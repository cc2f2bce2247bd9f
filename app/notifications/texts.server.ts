/**
 * Notification texts in the recipient's language, from the `notifications`
 * namespace: what happened, what to do now, and the mails (a plain-text
 * part and a small HTML part). Links in mails start with ORIGIN, which the
 * delivery worker replaces with the app's public address: a mail is written
 * inside the transaction that causes it, where no request says where the
 * app is reached.
 */
import type { TFunction } from 'i18next';
import { i18nInstanceFor } from '../i18n/i18next.server.js';
import type { Lng } from '../i18n/i18n.js';

export const ORIGIN = '[[origin]]';

export type NotificationParams = Record<string, string | number>;
export type NotificationText = { title: string; next: string };

const DATE_PARAMS = ['startDate', 'dueOn', 'endDate', 'deadline', 'inactiveOn'] as const;

function formatDate(lng: Lng, iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(date);
}

/** The params as words: codes (a reason, a milestone) translated, dates written out. */
function wordsOf(t: TFunction, lng: Lng, params: NotificationParams): NotificationParams {
  const words: NotificationParams = { ...params };
  for (const name of DATE_PARAMS) {
    const value = words[name];
    if (typeof value === 'string') words[name] = formatDate(lng, value);
  }
  if (typeof params.reason === 'string') words.reason = t(`notifications:reasons.${params.reason}`);
  if (typeof params.milestone === 'string') words.milestone = t(`notifications:milestones.${params.milestone}`);
  if (typeof params.candidateName !== 'string') words.candidateName = t('notifications:aCandidate');
  return words;
}

export function describeWith(t: TFunction, lng: Lng, kind: string, params: NotificationParams): NotificationText {
  const words = wordsOf(t, lng, params);
  const changed = params.changed === 1 ? `${t('notifications:changed')} ` : '';
  return { title: changed + t(`notifications:kinds.${kind}.title`, words), next: t(`notifications:kinds.${kind}.next`, words) };
}

/** One notification's texts in `lng`. */
export async function describeNotification(lng: Lng, kind: string, params: NotificationParams): Promise<NotificationText> {
  const i18n = await i18nInstanceFor(lng);
  return describeWith(i18n.getFixedT(lng), lng, kind, params);
}

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlOf(lng: Lng, paragraphs: ReadonlyArray<string | { text: string; href: string }>): string {
  const dir = lng === 'ar' ? 'rtl' : 'ltr';
  const body = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a></p>`))
    .join('\n');
  return `<!doctype html><html lang="${lng}" dir="${dir}"><body>\n${body}\n</body></html>`;
}

/** The mail for one notification sent immediately. */
export async function renderImmediateMail(
  lng: Lng,
  recipientName: string,
  kind: string,
  params: NotificationParams,
  link: string,
): Promise<RenderedMail> {
  const i18n = await i18nInstanceFor(lng);
  const t = i18n.getFixedT(lng);
  const { title, next } = describeWith(t, lng, kind, params);
  const greeting = t('notifications:mail.greeting', { name: recipientName });
  const open = t('notifications:mail.open');
  const footer = t('notifications:mail.footer');
  const href = `${ORIGIN}${link}`;
  const settings = `${ORIGIN}/notifications/settings`;
  return {
    subject: `Jobbro: ${title}`,
    text: [greeting, '', title, next, '', `${open}: ${href}`, '', '--', footer, settings].join('\n'),
    html: htmlOf(lng, [greeting, title, next, { text: open, href }, footer, { text: settings, href: settings }]),
  };
}

/** The day's digest: everything the person has not seen yet, one line each with its link. */
export async function renderDigestMail(
  lng: Lng,
  recipientName: string,
  items: ReadonlyArray<{ kind: string; params: NotificationParams; link: string }>,
): Promise<RenderedMail> {
  const i18n = await i18nInstanceFor(lng);
  const t = i18n.getFixedT(lng);
  const greeting = t('notifications:mail.greeting', { name: recipientName });
  const intro = t('notifications:mail.digestIntro', { count: items.length });
  const footer = t('notifications:mail.footer');
  const settings = `${ORIGIN}/notifications/settings`;
  const lines = items.map((item) => ({ ...describeWith(t, lng, item.kind, item.params), href: `${ORIGIN}${item.link}` }));
  return {
    subject: `Jobbro: ${t('notifications:mail.digestSubject', { count: items.length })}`,
    text: [greeting, '', intro, '', ...lines.flatMap((line) => [`- ${line.title}`, `  ${line.href}`]), '', '--', footer, settings].join('\n'),
    html: htmlOf(lng, [
      greeting,
      intro,
      ...lines.flatMap((line) => [{ text: line.title, href: line.href }]),
      footer,
      { text: settings, href: settings },
    ]),
  };
}
