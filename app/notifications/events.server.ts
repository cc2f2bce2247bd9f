/**
 * Who hears of what, for each change that tells someone (issue 23). Each
 * function runs inside the transaction of the change and decides, per
 * recipient, what they may read: an employer's notification names the
 * candidate only while the candidate shares with them (nameForEmployer).
 */
import type { Transaction } from 'kysely';
import {
  selectConsultantUserIds,
  selectEmployerUserIds,
  selectOrganisationName,
  selectProposalFacts,
  type ProposalFactsRow,
} from '../../db/queries/notifications.js';
import type { DB, EmployerDeclineReason, RejectReason } from '../../db/schema.js';
import { NotFound } from '../lib/errors.js';
import { nameForEmployer } from './kinds.js';
import { notify, type NotificationDraft } from './emit.server.js';

type Happening = { actorUserId: string | null; at: Date };

async function factsOf(trx: Transaction<DB>, proposalId: string): Promise<ProposalFactsRow> {
  const facts = await selectProposalFacts(trx, proposalId);
  if (!facts) throw new NotFound('Proposal', proposalId);
  return facts;
}

const candidateDraft = (facts: ProposalFactsRow, draft: Omit<NotificationDraft, 'userId'>): NotificationDraft[] =>
  facts.candidate_user_id ? [{ ...draft, userId: facts.candidate_user_id }] : [];

async function toEmployer(trx: Transaction<DB>, organisationId: string, draft: Omit<NotificationDraft, 'userId'>): Promise<NotificationDraft[]> {
  return (await selectEmployerUserIds(trx, organisationId)).map((userId) => ({ ...draft, userId }));
}

async function toConsultants(trx: Transaction<DB>, jobcentreId: string, draft: Omit<NotificationDraft, 'userId'>): Promise<NotificationDraft[]> {
  return (await selectConsultantUserIds(trx, jobcentreId)).map((userId) => ({ ...draft, userId }));
}

/** A consultant approved or rejected a proposal: the employer hears of an approval (without a name), the candidate of both. */
export async function proposalDecided(
  trx: Transaction<DB>,
  happening: Happening & { proposalId: string; decision: 'approved' | 'rejected'; reason: RejectReason | null },
): Promise<void> {
  const facts = await factsOf(trx, happening.proposalId);
  const slot = { slotTitle: facts.slot_title, organisationName: facts.organisation_name };
  const drafts: NotificationDraft[] =
    happening.decision === 'approved'
      ? [
          ...(await toEmployer(trx, facts.organisation_id, {
            kind: 'candidate_approved',
            params: { slotTitle: facts.slot_title },
            link: `/employer/slots/${facts.slot_id}`,
          })),
          ...candidateDraft(facts, { kind: 'match_approved', params: slot, link: '/candidate/sharing' }),
        ]
      : // A matcher's proposal the candidate never asked for is not theirs to hear about; their own interest is.
        facts.source === 'interest'
        ? candidateDraft(facts, {
            kind: 'interest_rejected',
            params: { ...slot, reason: happening.reason ?? 'other' },
            link: `/candidate/offers/${facts.slot_id}`,
          })
        : [];
  await notify(
    trx,
    {
      kind: `proposal.${happening.decision}`,
      actorUserId: happening.actorUserId,
      subjectType: 'match_proposal',
      subjectId: facts.proposal_id,
      at: happening.at,
    },
    drafts,
  );
}

/**
 * The employer invited or declined an approved candidate (on their pages, or
 * through the consultant): the candidate and the consultants hear of it; a
 * changed decision says so.
 */
export async function employerDecided(
  trx: Transaction<DB>,
  happening: Happening & {
    proposalId: string;
    decision: 'invite' | 'decline';
    reason: EmployerDeclineReason | null;
    previous: 'invite' | 'decline' | null;
  },
): Promise<void> {
  const facts = await factsOf(trx, happening.proposalId);
  const changed = happening.previous !== null && happening.previous !== happening.decision ? 1 : 0;
  const slot = { slotTitle: facts.slot_title, organisationName: facts.organisation_name, changed };
  const invite = happening.decision === 'invite';
  const drafts: NotificationDraft[] = [
    ...candidateDraft(
      facts,
      invite
        ? { kind: 'interview_invited', params: slot, link: '/candidate/sharing' }
        : { kind: 'interview_declined', params: slot, link: '/candidate/offers' },
    ),
    ...(await toConsultants(trx, facts.candidate_jobcentre_id, {
      kind: invite ? 'employer_invited' : 'employer_declined',
      params: { ...slot, candidateName: facts.candidate_name, ...(happening.reason ? { declineReason: happening.reason } : {}) },
      link: `/consultant/proposals/${facts.proposal_id}`,
    })),
  ];
  await notify(
    trx,
    {
      kind: `employer.${happening.decision}`,
      actorUserId: happening.actorUserId,
      subjectType: 'match_proposal',
      subjectId: facts.proposal_id,
      at: happening.at,
    },
    drafts,
  );
}

/** The candidate shared or stopped sharing their details for a slot: the employer and the consultants hear of it. */
export async function sharingChanged(trx: Transaction<DB>, happening: Happening & { proposalId: string; share: boolean }): Promise<void> {
  const facts = await factsOf(trx, happening.proposalId);
  const employerName = nameForEmployer({ fullName: facts.candidate_name, shared: happening.share });
  const drafts: NotificationDraft[] = [
    ...(await toEmployer(trx, facts.organisation_id, {
      kind: happening.share ? 'candidate_shared' : 'candidate_unshared',
      params: { slotTitle: facts.slot_title, ...(employerName ? { candidateName: employerName } : {}) },
      link: `/employer/slots/${facts.slot_id}`,
    })),
    ...(await toConsultants(trx, facts.candidate_jobcentre_id, {
      kind: happening.share ? 'candidate_shared_consultant' : 'candidate_unshared_consultant',
      params: { slotTitle: facts.slot_title, organisationName: facts.organisation_name, candidateName: facts.candidate_name },
      link: `/consultant/proposals/${facts.proposal_id}`,
    })),
  ];
  await notify(
    trx,
    {
      kind: happening.share ? 'consent.granted' : 'consent.revoked',
      actorUserId: happening.actorUserId,
      subjectType: 'match_proposal',
      subjectId: facts.proposal_id,
      at: happening.at,
    },
    drafts,
  );
}

/** The candidate expressed or withdrew interest in an offer: their consultants hear of it (call before a withdrawn proposal is deleted). */
export async function interestChanged(trx: Transaction<DB>, happening: Happening & { proposalId: string; expressed: boolean }): Promise<void> {
  const facts = await factsOf(trx, happening.proposalId);
  const drafts = await toConsultants(trx, facts.candidate_jobcentre_id, {
    kind: happening.expressed ? 'interest_expressed' : 'interest_withdrawn',
    params: { slotTitle: facts.slot_title, organisationName: facts.organisation_name, candidateName: facts.candidate_name },
    link: happening.expressed ? `/consultant/proposals/${facts.proposal_id}` : '/consultant',
  });
  await notify(
    trx,
    {
      kind: happening.expressed ? 'interest.expressed' : 'interest.withdrawn',
      actorUserId: happening.actorUserId,
      subjectType: 'slot',
      subjectId: facts.slot_id,
      at: happening.at,
    },
    drafts,
  );
}

/** A consultant verified or suspended a company: its people hear of it. */
export async function organisationVerified(
  trx: Transaction<DB>,
  happening: Happening & { organisationId: string; status: 'verified' | 'suspended' },
): Promise<void> {
  const name = (await selectOrganisationName(trx, happening.organisationId)) ?? '';
  const drafts = await toEmployer(trx, happening.organisationId, {
    kind: happening.status === 'verified' ? 'company_verified' : 'company_suspended',
    params: { organisationName: name },
    link: '/employer/company',
  });
  await notify(
    trx,
    {
      kind: `organisation.${happening.status}`,
      actorUserId: happening.actorUserId,
      subjectType: 'organisation',
      subjectId: happening.organisationId,
      at: happening.at,
    },
    drafts,
  );
}

/** A consultant planned the placement: the candidate hears when it starts. */
export async function placementPlanned(
  trx: Transaction<DB>,
  happening: Happening & { proposalId: string; placementId: string; startDate: string },
): Promise<void> {
  const facts = await factsOf(trx, happening.proposalId);
  const drafts = candidateDraft(facts, {
    kind: 'placement_planned',
    params: { slotTitle: facts.slot_title, organisationName: facts.organisation_name, startDate: happening.startDate },
    link: '/candidate',
  });
  await notify(
    trx,
    { kind: 'placement.planned', actorUserId: happening.actorUserId, subjectType: 'placement', subjectId: happening.placementId, at: happening.at },
    drafts,
  );
}

/** Someone registered themselves: the consultants of their jobcentre have a registration to confirm. */
export async function registrationWaiting(
  trx: Transaction<DB>,
  happening: Happening & { candidateId: string; jobcentreId: string; candidateName: string },
): Promise<void> {
  const drafts = await toConsultants(trx, happening.jobcentreId, {
    kind: 'registration_waiting',
    params: { candidateName: happening.candidateName },
    link: '/consultant',
  });
  await notify(
    trx,
    {
      kind: 'candidate.registered',
      actorUserId: happening.actorUserId,
      subjectType: 'candidate',
      subjectId: happening.candidateId,
      at: happening.at,
    },
    drafts,
  );
}
