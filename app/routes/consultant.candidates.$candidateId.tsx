/**
 * One candidate of the consultant's jobcentre: profile (CPR masked),
 * proposals and interests, placements, the consultant's dated notes, who
 * viewed the profile, and the actions (edit on their behalf, resend the
 * invitation, mark inactive or archive). Every view is audit-logged.
 */
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { cprCipherOf } from '~/candidates/cpr.server';
import { languageLabel, municipalityName, municipalityOfPostalCode, occupationLabel, sectorLabel, skillLabel } from '~/candidates/labels.server';
import { formProblem, type FormProblem } from '~/consultants/form-errors.server';
import { listOpenFreeSkills } from '~/candidates/free-skills.server';
import { FreeSkillsNotice } from '~/candidates/free-skills-notice';
import { formatDay, formatMoment } from '~/i18n/formats';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput, httpStatusOf } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { addCandidateNote, editCandidateOnBehalf, loadCandidatePage, setCandidateStatusByConsultant } from '~/workbench/caseload.server';
import { FieldError, FixFieldsAlert } from '~/consultants/form-ui';
import { FieldErrors as CandidateFieldErrors } from '~/candidates/ui';
import { RuleProblem } from '~/workbench/rule-problem';
import { candidatePageActionSchema } from '~/workbench/schemas';
import workbenchStyles from '~/workbench/workbench.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

const params = z.object({ candidateId: z.uuid() });

export async function loader({ request, context, params: routeParams }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const parsed = params.safeParse(routeParams);
  if (!parsed.success) throw data({ message: 'candidateId must be a UUID' }, { status: 400 });
  const { services } = context;
  const [page, lng] = await Promise.all([
    loadCandidatePage({ db: services.db, clock: services.clock, cprCipher: cprCipherOf(services.env) }, user, parsed.data.candidateId).catch(
      (error: unknown) => {
        // Another jobcentre's candidate, or none: a refusal, not a server error.
        const status = httpStatusOf(error);
        if (status === 500) throw error;
        throw new Response(null, { status });
      },
    ),
    resolveLocale(request, context),
  ]);
  const { candidate } = page;
  const freeSkillsWaiting = (await listOpenFreeSkills(services, user, { candidateId: candidate.id })).map((row) => ({
    id: row.id,
    text: row.text,
    lang: row.lang,
  }));
  const municipality = municipalityOfPostalCode(candidate.postal_code);
  return {
    lng,
    today: services.clock().toISOString().slice(0, 10),
    candidate: {
      id: candidate.id,
      fullName: candidate.full_name,
      status: candidate.status,
      email: candidate.email,
      phone: candidate.phone,
      birthDate: candidate.birth_date,
      arrivalDate: candidate.arrival_date,
      residenceBasis: candidate.residence_basis,
      postalCode: candidate.postal_code,
      place: municipality ? municipalityName(municipality, lng) : null,
      maxTravelKm: candidate.max_travel_km,
      drivingLicence: candidate.driving_licence,
      availableFrom: candidate.available_from,
      hoursPerWeek: candidate.hours_per_week,
      danishSpoken: candidate.danish_spoken,
      danishWritten: candidate.danish_written,
      danishProgramme: candidate.danish_programme,
      danishModule: candidate.danish_module,
      danishTest: candidate.danish_test,
      danishEvidence: candidate.danish_evidence,
      ambitionSectors: candidate.ambition_sectors.map((sector) => sectorLabel(sector, lng)),
      ambitionOccupations: candidate.ambition_occupations.map((uri) => occupationLabel(uri, lng)),
      ambitionNote: candidate.ambition_note,
      education: candidate.education,
      waitingSince: candidate.waiting_since,
      confirmedAt: candidate.confirmed_at,
    },
    maskedCpr: page.maskedCpr,
    skills: page.skills.map((skill) => ({ label: skillLabel(skill.skill_uri, lng), years: skill.years, learnedWhere: skill.learned_where })),
    languages: page.languages.map((language) => ({ ...language, label: languageLabel(language.code, lng) })),
    occupations: page.occupations.map((occupation) => ({ label: occupationLabel(occupation.occupation_uri, lng), years: occupation.years })),
    proposals: page.proposals,
    placements: page.placements,
    notes: page.notes,
    views: page.views,
    freeSkillsWaiting,
  };
}

/** The page's forms, each answered on its own (its errors, what was typed), told apart by the intent it sends. */
const PAGE_FORMS = ['note', 'status', 'edit'] as const;
type PageForm = (typeof PAGE_FORMS)[number];

type PageAnswer = {
  /** The form that was sent; null when the intent was none of the page's. */
  intent: PageForm | null;
  saved: boolean;
  result: SubmissionResult<string[]>;
  problem: FormProblem | null;
};

export async function action({ request, context, params: routeParams }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const parsed = params.safeParse(routeParams);
  if (!parsed.success) throw data({ message: 'candidateId must be a UUID' }, { status: 400 });
  const candidateId = parsed.data.candidateId;
  const submission = parseSubmission(await readFormData(request), candidatePageActionSchema);
  if (submission.status !== 'success') {
    const sentBy = PAGE_FORMS.find((form) => form === submission.payload.intent) ?? null;
    return data<PageAnswer>({ intent: sentBy, saved: false, result: submission.reply(), problem: null }, { status: 400 });
  }
  const form = submission.value;
  const deps = context.services;
  try {
    if (form.intent === 'note') await addCandidateNote(deps, user, candidateId, form.body);
    else if (form.intent === 'status') await setCandidateStatusByConsultant(deps, user, candidateId, form.status);
    else await editCandidateOnBehalf(deps, user, candidateId, form);
  } catch (error) {
    if (error instanceof InvalidInput) {
      return data<PageAnswer>(
        { intent: form.intent, saved: false, result: submission.reply({ fieldErrors: error.fields }), problem: null },
        { status: 400 },
      );
    }
    const problem = formProblem(error);
    return data<PageAnswer>(
      { intent: form.intent, saved: false, result: submission.reply(), problem: problem.data.problem },
      { status: problem.init?.status ?? 400 },
    );
  }
  // Saved: the form starts again from what is stored now.
  return data<PageAnswer>({ intent: form.intent, saved: true, result: submission.reply({ resetForm: true }), problem: null });
}

export default function CandidatePage() {
  const { t } = useTranslation('workbench');
  const { t: tc } = useTranslation('consultant');
  const { candidate, maskedCpr, skills, languages, occupations, proposals, placements, notes, views, lng, today, freeSkillsWaiting } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // The form that was sent gets its answer; the others start over, so no earlier error of theirs stays on the page.
  const startOver = useMemo<SubmissionResult<string[]> | undefined>(() => (answer ? { initialValue: null } : undefined), [answer]);
  const resultFor = (form: PageForm) => (answer?.intent === form ? answer.result : startOver);
  const [statusForm, statusFields] = useForm<{ intent: string; status: string }>({ id: 'candidate-status', lastResult: resultFor('status') });
  const [noteForm, noteFields] = useForm<{ intent: string; body: string }>({ id: 'candidate-note', lastResult: resultFor('note') });
  const [editForm, editFields] = useForm<{
    intent: string;
    postalCode: string;
    maxTravelKm: string;
    drivingLicence: string;
    availableFrom: string;
    hoursPerWeek: string;
  }>({
    id: 'candidate-edit',
    lastResult: resultFor('edit'),
    defaultValue: {
      postalCode: candidate.postalCode,
      maxTravelKm: String(candidate.maxTravelKm),
      drivingLicence: candidate.drivingLicence ? 'on' : '',
      availableFrom: candidate.availableFrom < today ? today : candidate.availableFrom,
      hoursPerWeek: candidate.hoursPerWeek === null ? '' : String(candidate.hoursPerWeek),
    },
  });
  const day = (iso: string) => formatDay(lng, iso);
  return (
    <div className="workbench">
      <p>
        <Link to="/consultant/candidates">{t('candidate.back')}</Link>
      </p>
      <h1>{candidate.fullName}</h1>
      <p>
        <span className="status-badge">{t(`caseload.statusLabel.${candidate.status}`)}</span>{' '}
        {t('candidate.waitingSince', { date: day(candidate.waitingSince) })}
      </p>
      {answer?.saved && answer.intent ? <p role="status">{t(`candidate.saved.${answer.intent}`)}</p> : null}
      {answer?.problem ? <RuleProblem problem={answer.problem} /> : null}
      <FixFieldsAlert show={answer !== undefined && !answer.saved && !answer.problem} />

      <div className="actions-row">
        {candidate.status !== 'pending' ? (
          <Form method="post" className="inline-form" {...getFormProps(statusForm)}>
            <input type="hidden" name="intent" value="status" />
            {candidate.status !== 'active' ? (
              <button type="submit" name="status" value="active" className="button button--quiet">
                {t('candidate.markActive')}
              </button>
            ) : null}
            {candidate.status !== 'inactive' ? (
              <button type="submit" name="status" value="inactive" className="button button--quiet">
                {t('candidate.markInactive')}
              </button>
            ) : null}
            {candidate.status !== 'archived' ? (
              <button type="submit" name="status" value="archived" className="button button--quiet">
                {t('candidate.archive')}
              </button>
            ) : null}
            <FieldError id={statusFields.status.errorId} errors={statusFields.status.errors} />
          </Form>
        ) : (
          <p>
            <Link to="/consultant/candidates">{t('candidate.answerRegistration')}</Link>
          </p>
        )}
        {/* The route is h/trust-accounts' (POST /consultant/candidates/:id/resend-invitation). */}
        <Form method="post" action={`/consultant/candidates/${candidate.id}/resend-invitation`} className="inline-form">
          <button type="submit" className="button button--quiet">
            {t('candidate.resendInvitation')}
          </button>
        </Form>
      </div>

      <div className="profile-grid">
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('candidate.profile')}</h2>
          <dl className="facts">
            <dt>{t('candidate.cpr')}</dt>
            <dd>{maskedCpr ?? t('candidate.noCpr')}</dd>
            <dt>{t('candidate.email')}</dt>
            <dd>{candidate.email ?? '–'}</dd>
            <dt>{t('candidate.phone')}</dt>
            <dd>{candidate.phone ?? '–'}</dd>
            <dt>{t('candidate.birthDate')}</dt>
            <dd>{day(candidate.birthDate)}</dd>
            <dt>{t('candidate.arrivalDate')}</dt>
            <dd>{day(candidate.arrivalDate)}</dd>
            <dt>{t('candidate.residenceBasis')}</dt>
            <dd>{t(`candidate.residence.${candidate.residenceBasis}`)}</dd>
            <dt>{t('candidate.place')}</dt>
            <dd>
              {candidate.postalCode}
              {candidate.place ? ` ${candidate.place}` : ''} · {t('candidate.travel', { km: candidate.maxTravelKm })}
              {candidate.drivingLicence ? ` · ${t('candidate.drivingLicence')}` : ''}
            </dd>
            <dt>{t('candidate.availability')}</dt>
            <dd>
              {t('candidate.availableFrom', { date: day(candidate.availableFrom) })}
              {candidate.hoursPerWeek ? ` · ${t('candidate.hours', { count: candidate.hoursPerWeek })}` : ''}
            </dd>
            <dt>{t('candidate.danish')}</dt>
            <dd>
              {t('candidate.danishLevels', { spoken: candidate.danishSpoken ?? '–', written: candidate.danishWritten ?? '–' })}
              {candidate.danishProgramme
                ? ` · ${candidate.danishProgramme}${candidate.danishModule ? ` ${t('candidate.module', { module: candidate.danishModule })}` : ''}`
                : ''}
              {candidate.danishTest ? ` · ${candidate.danishTest}` : ''}
              {candidate.danishEvidence ? ` (${t(`candidate.evidence.${candidate.danishEvidence}`)})` : ''}
            </dd>
            <dt>{t('candidate.education')}</dt>
            <dd>{candidate.education ?? '–'}</dd>
          </dl>
        </section>

        <section aria-labelledby="skills-heading">
          <h2 id="skills-heading">{t('candidate.skillsAndLanguages')}</h2>
          {skills.length === 0 ? <p>{t('candidate.noSkills')}</p> : null}
          <ul>
            {skills.map((skill) => (
              <li key={skill.label}>
                {skill.label}
                {skill.years !== null ? ` · ${t('candidate.years', { count: Number(skill.years) })}` : ''}
                {skill.learnedWhere ? ` · ${t(`candidate.learned.${skill.learnedWhere}`)}` : ''}
              </li>
            ))}
          </ul>
          <FreeSkillsNotice candidateId={candidate.id} waiting={freeSkillsWaiting} />
          {occupations.length > 0 ? (
            <>
              <h3>{t('candidate.experience')}</h3>
              <ul>
                {occupations.map((occupation) => (
                  <li key={occupation.label}>
                    {occupation.label}
                    {occupation.years !== null ? ` · ${t('candidate.years', { count: Number(occupation.years) })}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t('candidate.languages')}</h3>
          <ul>
            {languages.map((language) => (
              <li key={language.code}>
                {language.label}: {t('candidate.danishLevels', { spoken: language.spoken, written: language.written ?? '–' })}
                {language.is_mother_tongue ? ` · ${t('candidate.motherTongue')}` : ''} ({t(`candidate.evidence.${language.evidence}`)})
              </li>
            ))}
          </ul>
          <h3>{t('candidate.ambitions')}</h3>
          <p>
            {[...candidate.ambitionSectors, ...candidate.ambitionOccupations].join(', ') || '–'}
            {candidate.ambitionNote ? ` – “${candidate.ambitionNote}”` : ''}
          </p>
        </section>

        <section aria-labelledby="proposals-heading">
          <h2 id="proposals-heading">{t('candidate.proposals', { count: proposals.length })}</h2>
          {proposals.length === 0 ? <p>{t('candidate.noProposals')}</p> : null}
          <ul>
            {proposals.map((proposal) => (
              <li key={proposal.proposal_id}>
                <Link to={`/consultant/proposals/${proposal.proposal_id}`}>
                  {proposal.slot_title}, {proposal.organisation_name}
                </Link>{' '}
                · {tc(`scheme.${proposal.slot_type}`)} · {t(`candidate.proposalStatus.${proposal.status}`)}
                {proposal.source === 'interest' ? ` · ${t('candidate.ownInterest')}` : ''}
                {proposal.score !== null ? ` · ${t('candidate.score', { score: Math.round(proposal.score) })}` : ''}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="placements-heading">
          <h2 id="placements-heading">{t('candidate.placements', { count: placements.length })}</h2>
          {placements.length === 0 ? <p>{t('candidate.noPlacements')}</p> : null}
          <ul>
            {placements.map((placement) => (
              <li key={placement.id}>
                {tc(`scheme.${placement.type}`)} – {placement.slot_title}, {placement.organisation_name} ·{' '}
                {t(`candidate.placementStatus.${placement.status}`)} · {day(placement.started_on ?? placement.start_date)}–
                {day(placement.ended_on ?? placement.end_date)}
                {placement.outcome ? ` · ${tc(`outcome.${placement.outcome}`)}` : ''}
                {placement.ended_reason ? ` · ${placement.ended_reason}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/consultant/placements">{t('candidate.toBoard')}</Link>
          </p>
        </section>

        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('candidate.notes')}</h2>
          <Form method="post" className="note-form" {...getFormProps(noteForm)}>
            <input type="hidden" name="intent" value="note" />
            <label htmlFor={noteFields.body.id}>{t('candidate.newNote')}</label>
            <textarea {...getTextareaProps(noteFields.body)} rows={3} maxLength={4000} required />
            <FieldError id={noteFields.body.errorId} errors={noteFields.body.errors} />
            <div>
              <button type="submit" className="button">
                {t('candidate.addNote')}
              </button>
            </div>
          </Form>
          {notes.length === 0 ? <p>{t('candidate.noNotes')}</p> : null}
          <ol className="notes">
            {notes.map((note) => (
              <li key={note.id}>
                <p className="notes__meta">
                  {formatMoment(lng, note.written_at)} · {note.author_name ?? t('candidate.unknownAuthor')}
                </p>
                <p style={{ whiteSpace: 'pre-wrap' }}>{note.body}</p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="views-heading">
          <h2 id="views-heading">{t('candidate.views')}</h2>
          <ul>
            {views.map((view, index) => (
              <li key={`${String(view.viewed_at)}-${index}`}>
                {formatMoment(lng, view.viewed_at)} · {view.viewer_name ?? '–'}
                {view.organisation_name ? ` (${view.organisation_name})` : view.jobcentre_name ? ` (${view.jobcentre_name})` : ''}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('candidate.editOnBehalf')}</h2>
          <p className="hint">{t('candidate.editLead')}</p>
          <Form method="post" className="board__form candidate-edit" {...getFormProps(editForm)}>
            <input type="hidden" name="intent" value="edit" />
            <div className="field">
              <label htmlFor={editFields.postalCode.id}>{t('candidate.postalCode')}</label>
              <input {...getInputProps(editFields.postalCode, { type: 'text' })} inputMode="numeric" autoComplete="off" />
              <CandidateFieldErrors meta={editFields.postalCode} />
            </div>
            <div className="field">
              <label htmlFor={editFields.maxTravelKm.id}>{t('candidate.maxTravelKm')}</label>
              <input {...getInputProps(editFields.maxTravelKm, { type: 'number' })} min={1} max={300} />
              <CandidateFieldErrors meta={editFields.maxTravelKm} />
            </div>
            <div>
              <label>
                <span>
                  <input {...getInputProps(editFields.drivingLicence, { type: 'checkbox' })} /> {t('candidate.drivingLicence')}
                </span>
              </label>
            </div>
            <div className="field">
              <label htmlFor={editFields.availableFrom.id}>{t('candidate.availableFromLabel')}</label>
              <input {...getInputProps(editFields.availableFrom, { type: 'date' })} min={today} />
              <CandidateFieldErrors meta={editFields.availableFrom} />
            </div>
            <div className="field">
              <label htmlFor={editFields.hoursPerWeek.id}>{t('candidate.hoursLabel')}</label>
              <input {...getInputProps(editFields.hoursPerWeek, { type: 'number' })} min={1} max={60} />
              <CandidateFieldErrors meta={editFields.hoursPerWeek} />
            </div>
            <div>
              <button type="submit" className="button">
                {t('candidate.saveEdit')}
              </button>
            </div>
          </Form>
        </section>
      </div>
    </div>
  );
}
