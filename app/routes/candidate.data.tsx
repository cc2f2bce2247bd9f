/** The candidate's own data as a readable page (the same document as the JSON download), and asking for erasure. */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { languageLabel, sectorLabel } from '~/candidates/labels.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseForm } from '~/lib/http.server';
import { danishDateOf, erasureDeadline } from '~/privacy/deadline';
import { cancelOwnErasure, ownOpenErasureRequest, requestOwnErasure } from '~/privacy/erasure.server';
import { exportOwnData } from '~/privacy/export.server';
import { Check } from 'lucide-react';
import { formatDay, formatMoment } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const [document, open] = await Promise.all([exportOwnData(context.services, user), ownOpenErasureRequest(context.services, user)]);
  // Names for codes, resolved here so the taxonomy stays out of the browser bundle.
  const names = {
    languages: Object.fromEntries(document.languages.map((l) => [l.code, languageLabel(l.code, lng)])),
    sectors: Object.fromEntries(document.ambitions.sectors.map((s) => [s, sectorLabel(s, lng)])),
  };
  return { lng, document, open, names, deadlineIfAskedToday: erasureDeadline(danishDateOf(context.services.clock())) };
}

const erasureForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('request'), confirm: z.literal('yes') }),
  z.object({ intent: z.literal('cancel') }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await parseForm(request, erasureForm);
  if (form.intent === 'request') {
    await requestOwnErasure(context.services, user);
    return redirect('/candidate/data?done=requested#erasure');
  }
  await cancelOwnErasure(context.services, user);
  return redirect('/candidate/data?done=cancelled#erasure');
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  const { t } = useTranslation('privacy');
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? t('common.dash') : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  const { t } = useTranslation('privacy');
  if (rows.length === 0) return <p>{t('common.none')}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell ?? t('common.dash')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CandidateData() {
  const { t } = useTranslation('privacy');
  const { lng, document: doc, open, names, deadlineIfAskedToday } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const confirming = params.get('erase') === 'confirm' && !open;
  const done = params.get('done');
  // Danish time and the page language's digits (Western in Arabic too, as everywhere in Jobbro).
  const dateTime = (value: string | Date | null) => (value ? formatMoment(lng, value) : null);
  const day = (value: string | null) => (value ? formatDay(lng, value, 'long') : null);
  const value = (code: string | null) => (code ? t(`values.${code}`, { defaultValue: code }) : null);
  const yesNo = (flag: boolean) => t(flag ? 'common.yes' : 'common.no');
  const f = (key: string) => t(`data.fields.${key}`);

  return (
    <>
      <h1>{t('data.title')}</h1>
      <p>{t('data.intro')}</p>
      <p>
        <a href="/candidate/data.json" download className="button">
          {t('data.download')}
        </a>
      </p>

      <section aria-labelledby="erasure-title" id="erasure" className="item">
        <h2 id="erasure-title">{t('erasure.title')}</h2>
        {done === 'requested' ? (
          <p role="status" className="notice">
            <Check aria-hidden="true" size={18} className="notice__icon" /> {t('erasure.requested')}
          </p>
        ) : null}
        {done === 'cancelled' ? (
          <p role="status" className="notice">
            <Check aria-hidden="true" size={18} className="notice__icon" /> {t('erasure.cancelled')}
          </p>
        ) : null}
        {open ? (
          <>
            <p>
              {t('erasure.open', { date: dateTime(open.requestedAt), deadline: day(open.deadline) })}{' '}
              {open.overdue
                ? t('erasure.overdue', { count: -open.daysLeft })
                : open.daysLeft === 0
                  ? t('erasure.dueToday')
                  : t('erasure.daysLeft', { count: open.daysLeft })}
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="button button--quiet">
                {t('erasure.cancel')}
              </button>
            </Form>
          </>
        ) : confirming ? (
          <>
            <h3>{t('erasure.confirmTitle')}</h3>
            <p>{t('erasure.explain')}</p>
            <p>{t('erasure.confirmText', { deadline: day(deadlineIfAskedToday) })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="request" />
              <p>
                <label>
                  <input type="checkbox" name="confirm" value="yes" required /> {t('erasure.confirmCheck')}
                </label>
              </p>
              <div className="button-row">
                <button type="submit" className="button">
                  {t('erasure.confirmButton')}
                </button>
                <Link to="/candidate/data" className="button button--quiet">
                  {t('erasure.back')}
                </Link>
              </div>
            </Form>
          </>
        ) : (
          <>
            <p>{t('erasure.explain')}</p>
            <p>
              <Link to="/candidate/data?erase=confirm#erasure" className="button button--quiet">
                {t('erasure.ask')}
              </Link>
            </p>
          </>
        )}
      </section>

      <Section id="account" title={t('data.sections.account')}>
        <Facts
          rows={[
            [f('email'), doc.account.email],
            [f('displayName'), doc.account.displayName],
            [f('language'), doc.account.language],
            [f('createdAt'), dateTime(doc.account.createdAt)],
          ]}
        />
      </Section>

      <Section id="profile" title={t('data.sections.profile')}>
        <Facts
          rows={[
            [f('fullName'), doc.profile.fullName],
            [f('email'), doc.profile.email],
            [f('phone'), doc.profile.phone],
            [f('birthDate'), day(doc.profile.birthDate)],
            [f('arrivalDate'), day(doc.profile.arrivalDate)],
            [f('residenceBasis'), value(doc.profile.residenceBasis)],
            [f('gender'), doc.profile.gender],
            [f('nationality'), doc.profile.nationality],
            [f('cprRegistered'), yesNo(doc.profile.cprRegistered)],
            [f('jobcentre'), doc.profile.jobcentre],
            [f('status'), value(doc.profile.status)],
            [f('waitingSince'), day(doc.profile.waitingSince)],
            [f('createdAt'), dateTime(doc.profile.createdAt)],
          ]}
        />
      </Section>

      <Section id="danish" title={t('data.sections.danish')}>
        <Facts
          rows={[
            [f('spoken'), doc.danish.spoken],
            [f('written'), doc.danish.written],
            [f('programme'), doc.danish.programme],
            [f('module'), doc.danish.module],
            [f('test'), doc.danish.test],
            [f('evidence'), value(doc.danish.evidence)],
          ]}
        />
      </Section>

      <Section id="skills" title={t('data.sections.skills')}>
        <Table
          head={[f('skill'), f('years'), f('learnedWhere')]}
          rows={doc.skills.map((s) => [s.labels[lng], s.years, s.learnedWhere ? t(`candidate:skills.whereOptions.${s.learnedWhere}`) : null])}
        />
        {doc.skillsInOwnWords.length > 0 ? (
          <>
            <h3>{t('skills:own.mine')}</h3>
            <ul>
              {doc.skillsInOwnWords.map((own) => (
                <li key={`${own.text}-${own.writtenAt ?? ''}`}>
                  <bdi lang={own.language} dir="auto">
                    {own.text}
                  </bdi>{' '}
                  ({own.status === 'open' ? t('skills:own.waiting') : own.status === 'mapped' ? t('skills:own.mappedShort') : t('skills:own.left')})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section id="languages" title={t('data.sections.languages')}>
        <Table
          head={[f('language_code'), f('spoken'), f('written'), f('motherTongue')]}
          rows={doc.languages.map((l) => [names.languages[l.code] ?? l.code, l.spoken, l.written, yesNo(l.motherTongue)])}
        />
      </Section>

      <Section id="experience" title={t('data.sections.experience')}>
        <h3>{f('occupations')}</h3>
        <Table head={[f('title'), f('years')]} rows={doc.experience.occupations.map((o) => [o.labels[lng], o.years])} />
        <h3>{f('employments')}</h3>
        <Table
          head={['CVR', f('type'), f('period')]}
          rows={doc.experience.employments.map((e) => [e.cvr, e.kind, `${day(e.startDate)} – ${day(e.endDate) ?? ''}`])}
        />
        <Facts rows={[[f('education'), doc.experience.education]]} />
      </Section>

      <Section id="ambitions" title={t('data.sections.ambitions')}>
        <Facts
          rows={[
            [f('wantedJobs'), doc.ambitions.occupations.map((o) => o.labels?.[lng] ?? o.uri).join(', ')],
            [f('sectors'), doc.ambitions.sectors.map((s) => names.sectors[s] ?? s).join(', ')],
            [f('note'), doc.ambitions.note],
          ]}
        />
      </Section>

      <Section id="availability" title={t('data.sections.availability')}>
        <Facts
          rows={[
            [f('availableFrom'), day(doc.availability.availableFrom)],
            [f('hoursPerWeek'), doc.availability.hoursPerWeek],
            [f('postalCode'), doc.availability.postalCode],
            [f('maxTravelKm'), doc.availability.maxTravelKm],
            [f('drivingLicence'), yesNo(doc.availability.drivingLicence)],
          ]}
        />
      </Section>

      <Section id="proposals" title={t('data.sections.proposals')}>
        <Table
          head={[f('slot'), f('employer'), f('source'), f('status'), f('when'), f('employerAnswer')]}
          rows={doc.proposals.map((p) => [
            `${p.slot} (${value(p.slotType)})`,
            p.employer,
            value(p.source),
            value(p.status),
            dateTime(p.decidedAt ?? p.computedAt),
            p.employerAnswer ? value(p.employerAnswer.decision) : null,
          ])}
        />
      </Section>

      <Section id="decisions" title={t('data.sections.decisions')}>
        <Table
          head={[f('slot'), f('decision'), f('reason'), f('note'), f('when')]}
          rows={doc.decisions.map((d) => [d.slot ?? value(d.slotType), value(d.decision), d.rejectReason, d.note, dateTime(d.decidedAt)])}
        />
      </Section>

      <Section id="sharing" title={t('data.sections.sharing')}>
        <Table
          head={[f('slot'), f('employer'), f('shared'), f('when'), f('recordedBy'), f('revokedAt')]}
          rows={doc.sharing.map((c) => [
            c.slot,
            c.employer,
            yesNo(c.granted),
            dateTime(c.recordedAt),
            c.recordedBy?.name ?? null,
            dateTime(c.revokedAt),
          ])}
        />
      </Section>

      <Section id="placements" title={t('data.sections.placements')}>
        <Table
          head={[f('slot'), f('employer'), f('type'), f('period'), f('status'), f('outcome'), f('followUps')]}
          rows={doc.placements.map((p) => [
            p.slot,
            p.employer,
            value(p.type),
            `${day(p.startDate)} – ${day(p.endDate)}`,
            value(p.status),
            value(p.outcome),
            p.followUps.map((v) => `${day(v.visitedOn)}: ${v.note}`).join(' · ') || null,
          ])}
        />
      </Section>

      <Section id="views" title={t('data.sections.views')}>
        <Table
          head={[f('viewer'), f('when')]}
          rows={doc.profileViews.map((v) => [[v.viewer, v.organisation ?? v.jobcentre].filter(Boolean).join(', ') || null, dateTime(v.viewedAt)])}
        />
      </Section>

      <Section id="cohorts" title={t('data.sections.cohorts')}>
        <Table
          head={[f('title'), f('period'), f('status')]}
          rows={doc.cohorts.map((c) => [c.title, `${day(c.courseStart)} – ${day(c.courseEnd)}`, value(c.status)])}
        />
      </Section>

      <Section id="invitations" title={t('data.sections.invitations')}>
        <Table
          head={[f('createdAt'), f('expiresAt'), f('usedAt')]}
          rows={doc.invitations.map((i) => [dateTime(i.createdAt), dateTime(i.expiresAt), dateTime(i.usedAt)])}
        />
      </Section>

      <Section id="requests" title={t('data.sections.requests')}>
        <Table
          head={[f('requestedAt'), f('source'), f('deadline'), f('status'), f('handledAt')]}
          rows={doc.erasureRequests.map((r) => [
            dateTime(r.requestedAt),
            value(r.requestedVia),
            day(r.deadline),
            value(r.status),
            dateTime(r.handledAt),
          ])}
        />
      </Section>
    </>
  );
}
