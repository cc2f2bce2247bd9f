/**
 * The kinds of notification, who receives each, and how each is mailed
 * unless the recipient chose otherwise at /notifications/settings. No
 * imports on purpose: the settings page's browser bundle needs this list.
 *
 * Defaults (issue 23): decisions and invitations go out immediately; new
 * offers, and the consultant's stream of interest changes, as a daily digest.
 */
export type MailMode = 'immediate' | 'digest' | 'off';
export const mailModes: readonly MailMode[] = ['immediate', 'digest', 'off'];

export type RecipientRole = 'employer' | 'candidate' | 'consultant';

export const notificationKinds = {
  // employer
  company_verified: { role: 'employer', mail: 'immediate' },
  company_suspended: { role: 'employer', mail: 'immediate' },
  candidate_approved: { role: 'employer', mail: 'immediate' },
  candidate_shared: { role: 'employer', mail: 'immediate' },
  candidate_unshared: { role: 'employer', mail: 'immediate' },
  slot_unfilled: { role: 'employer', mail: 'immediate' },
  milestone_due_employer: { role: 'employer', mail: 'immediate' },
  // candidate
  match_approved: { role: 'candidate', mail: 'immediate' },
  interest_rejected: { role: 'candidate', mail: 'immediate' },
  interview_invited: { role: 'candidate', mail: 'immediate' },
  interview_declined: { role: 'candidate', mail: 'immediate' },
  placement_planned: { role: 'candidate', mail: 'immediate' },
  placement_starting: { role: 'candidate', mail: 'immediate' },
  new_offers: { role: 'candidate', mail: 'digest' },
  inactivity_soon: { role: 'candidate', mail: 'immediate' },
  free_skill_reviewed: { role: 'candidate', mail: 'immediate' },
  // consultant
  employer_invited: { role: 'consultant', mail: 'immediate' },
  employer_declined: { role: 'consultant', mail: 'immediate' },
  candidate_shared_consultant: { role: 'consultant', mail: 'immediate' },
  candidate_unshared_consultant: { role: 'consultant', mail: 'immediate' },
  interest_expressed: { role: 'consultant', mail: 'digest' },
  interest_withdrawn: { role: 'consultant', mail: 'digest' },
  registration_waiting: { role: 'consultant', mail: 'digest' },
  placement_due: { role: 'consultant', mail: 'immediate' },
  erasure_deadline: { role: 'consultant', mail: 'immediate' },
} as const satisfies Record<string, { role: RecipientRole; mail: MailMode }>;

export type NotificationKind = keyof typeof notificationKinds;

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && Object.hasOwn(notificationKinds, value);
}

export function isMailMode(value: unknown): value is MailMode {
  return typeof value === 'string' && mailModes.some((mode) => mode === value);
}

/** The kinds a person of `role` can receive, in the order of the list above. */
export function kindsFor(role: string): NotificationKind[] {
  return (Object.keys(notificationKinds) as NotificationKind[]).filter((kind) => notificationKinds[kind].role === role);
}

/** How `kind` is mailed to someone: their own choice, else the kind's default. */
export function mailModeFor(kind: NotificationKind, chosen: ReadonlyMap<string, MailMode>): MailMode {
  return chosen.get(kind) ?? notificationKinds[kind].mail;
}

/**
 * The language a notification is written in: candidates read da, en, ar or
 * uk; employers' and consultants' pages exist in da and en, so Arabic or
 * Ukrainian settings fall back to English for them. No setting: Danish.
 */
export function recipientLanguage(role: string, locale: string | null): 'da' | 'en' | 'ar' | 'uk' {
  if (locale === 'da' || locale === 'en') return locale;
  if ((locale === 'ar' || locale === 'uk') && role === 'candidate') return locale;
  return locale === null ? 'da' : 'en';
}

/**
 * The candidate's name as an employer's notification may carry it: only
 * while the candidate shares their details with that employer for that slot
 * (docs/domain.md, privacy); otherwise nothing.
 */
export function nameForEmployer(candidate: { fullName: string; shared: boolean }): string | null {
  return candidate.shared ? candidate.fullName : null;
}
