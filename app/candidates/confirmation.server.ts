/**
 * The jobcentre's answer to a self-registration (issue 24, item 1): a
 * consultant of the candidate's own jobcentre confirms the person (they
 * become active, enter the matching index and can be proposed) or declines
 * them (the registration is archived). Either way the person is told by mail
 * in their own language; the decision is audit-logged.
 */
import type { Kysely } from 'kysely';
import { findCandidateForDecision, setCandidateStatus } from '../../db/queries/caseload.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import { findJobcentreName } from '../../db/queries/users.js';
import type { DB, Locale } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { Conflict, Forbidden, NotFound } from '../lib/errors.js';
import type { Mailer, MailMessage } from '../mail/mailer.server.js';

export type ConfirmationDeps = { db: Kysely<DB>; mailer: Mailer; clock: () => Date; baseUrl: string };

type Letter = (name: string, jobcentre: string, link: string) => { subject: string; text: string };

const CONFIRMED: Record<Locale, Letter> = {
  da: (name, jobcentre, link) => ({
    subject: 'Du er godkendt på Jobbro',
    text: `Hej ${name}\n\n${jobcentre} har godkendt din tilmelding. Du kan nu se tilbud og blive foreslået til virksomheder.\nLog ind her: ${link}\n`,
  }),
  en: (name, jobcentre, link) => ({
    subject: 'You are confirmed on Jobbro',
    text: `Hello ${name}\n\n${jobcentre} has confirmed your registration. You can now see offers and be proposed to employers.\nLog in here: ${link}\n`,
  }),
  ar: (name, jobcentre, link) => ({
    subject: 'تم تأكيد تسجيلك في Jobbro',
    text: `مرحبًا ${name}\n\nأكّد ${jobcentre} تسجيلك. يمكنك الآن رؤية العروض واقتراحك على أصحاب العمل.\nسجّل الدخول هنا: ${link}\n`,
  }),
  uk: (name, jobcentre, link) => ({
    subject: 'Вашу реєстрацію в Jobbro підтверджено',
    text: `Вітаємо, ${name}\n\n${jobcentre} підтвердив вашу реєстрацію. Тепер ви можете бачити пропозиції, і вас можуть пропонувати роботодавцям.\nУвійдіть тут: ${link}\n`,
  }),
};

const DECLINED: Record<Locale, Letter> = {
  da: (name, jobcentre) => ({
    subject: 'Din tilmelding på Jobbro',
    text: `Hej ${name}\n\n${jobcentre} kan ikke godkende din tilmelding på Jobbro. Kontakt dit jobcenter, hvis du har spørgsmål, eller hvis du mener, det er en fejl.\n`,
  }),
  en: (name, jobcentre) => ({
    subject: 'Your registration on Jobbro',
    text: `Hello ${name}\n\n${jobcentre} cannot confirm your registration on Jobbro. Contact your jobcentre if you have questions or think this is a mistake.\n`,
  }),
  ar: (name, jobcentre) => ({
    subject: 'تسجيلك في Jobbro',
    text: `مرحبًا ${name}\n\nلا يستطيع ${jobcentre} تأكيد تسجيلك في Jobbro. تواصل مع مركز العمل إذا كانت لديك أسئلة أو إذا كنت تعتقد أن هذا خطأ.\n`,
  }),
  uk: (name, jobcentre) => ({
    subject: 'Ваша реєстрація в Jobbro',
    text: `Вітаємо, ${name}\n\n${jobcentre} не може підтвердити вашу реєстрацію в Jobbro. Зверніться до свого центру зайнятості, якщо маєте запитання або вважаєте це помилкою.\n`,
  }),
};

/** The letter telling the person the jobcentre's answer, in their language (Danish when they chose none). */
export function confirmationLetter(
  answer: 'confirmed' | 'declined',
  person: { name: string; email: string; locale: Locale | null },
  jobcentreName: string,
  baseUrl: string,
): MailMessage {
  const letter = (answer === 'confirmed' ? CONFIRMED : DECLINED)[person.locale ?? 'da'](person.name, jobcentreName, `${baseUrl}/login`);
  return { to: person.email, ...letter };
}

async function decide(deps: ConfirmationDeps, user: ConsultantUser, candidateId: string, answer: 'confirmed' | 'declined'): Promise<void> {
  const consultant = asConsultant(user);
  const now = deps.clock();
  const person = await deps.db.transaction().execute(async (trx) => {
    const candidate = await findCandidateForDecision(trx, candidateId);
    if (!candidate) throw new NotFound('Candidate', candidateId);
    if (candidate.jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre answers a registration");
    if (candidate.status !== 'pending') throw new Conflict(`The registration is already answered (${candidate.status})`);
    if (answer === 'confirmed') {
      await setCandidateStatus(trx, candidateId, { status: 'active', confirmed_at: now });
      await enqueueIndexChange(trx, { index: 'candidates', id: candidateId, operation: 'upsert' });
    } else {
      await setCandidateStatus(trx, candidateId, { status: 'archived', archived_at: now });
    }
    await insertAuditEntry(trx, { actorUserId: consultant.id, action: `candidate.${answer}`, subjectType: 'candidate', subjectId: candidateId, details: {} });
    return { ...candidate, jobcentreName: (await findJobcentreName(trx, candidate.jobcentre_id)) ?? '' };
  });
  // After the commit: a mail about an answer that was rolled back would be wrong.
  if (person.email) {
    await deps.mailer.send(confirmationLetter(answer, { name: person.full_name, email: person.email, locale: person.locale }, person.jobcentreName, deps.baseUrl));
  }
}

/**
 * Confirms a pending self-registration: the candidate becomes active and
 * enters the matching index; they get a mail in their language.
 * @throws NotFound, Forbidden (another jobcentre's candidate), Conflict (not pending).
 */
export async function confirmCandidate(deps: ConfirmationDeps, user: ConsultantUser, candidateId: string): Promise<void> {
  await decide(deps, user, candidateId, 'confirmed');
}

/**
 * Declines a pending self-registration: it is archived, and the person gets
 * a mail in their language saying so and whom to ask.
 * @throws NotFound, Forbidden, Conflict (not pending).
 */
export async function declineCandidate(deps: ConfirmationDeps, user: ConsultantUser, candidateId: string): Promise<void> {
  await decide(deps, user, candidateId, 'declined');
}
