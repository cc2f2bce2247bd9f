/**
 * The letter telling a self-registered person the jobcentre's answer (issue
 * 24, item 1), in their own language; queued after confirmCandidate or
 * declineCandidate (./confirmation.server.ts) has committed, and sent by the
 * mail delivery worker: a mail server that is down delays the letter, loses
 * nothing, and does not turn the consultant's answer into an error.
 */
import type { Kysely } from 'kysely';
import { findCandidateForDecision } from '../../db/queries/caseload.js';
import { findJobcentreName } from '../../db/queries/users.js';
import type { DB, Locale } from '../../db/schema.js';
import type { MailMessage } from '../mail/mailer.server.js';
import { ORIGIN, queueMail } from '../mail/queue.server.js';

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

/** Queues the letter with the answer to the person; nothing to send without an e-mail address. */
export async function tellCandidate(
  deps: { db: Kysely<DB>; clock: () => Date },
  candidateId: string,
  answer: 'confirmed' | 'declined',
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const person = await findCandidateForDecision(trx, candidateId);
    if (!person?.email) return;
    const jobcentreName = (await findJobcentreName(trx, person.jobcentre_id)) ?? '';
    const letter = confirmationLetter(answer, { name: person.full_name, email: person.email, locale: person.locale }, jobcentreName, ORIGIN);
    await queueMail(trx, letter, deps.clock());
  });
}
