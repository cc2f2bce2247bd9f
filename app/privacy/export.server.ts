/**
 * The candidate's data export (GDPR art. 15 and 20): everything Jobbro holds
 * about the logged-in candidate, as one versioned JSON document. The readable
 * page and the download show the same document. There is no candidate id to
 * pass: a candidate can only ever export themselves.
 */
import type { Kysely } from 'kysely';
import { selectProfileViews } from '../../db/queries/candidates.js';
import { selectFreeSkillsOfCandidate } from '../../db/queries/free-skills.js';
import * as privacy from '../../db/queries/privacy.js';
import type { DB, LabelSet } from '../../db/schema.js';
import type { SessionUser } from '../auth/session.server.js';
import { hasRegisteredCpr } from '../candidates/cpr.server.js';
import { ownCandidate } from '../candidates/profile.server.js';
import { NotFound } from '../lib/errors.js';
import { deadlineStatus, danishDateOf } from './deadline.js';

export const EXPORT_FORMAT = 'jobbro-candidate-export';
export const EXPORT_VERSION = 1;

type Iso = string;
const iso = (value: Date | string | null): Iso | null => (value === null ? null : new Date(value).toISOString());

export type CandidateExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: Iso;
  account: { email: string; displayName: string; role: string; language: string | null; createdAt: Iso | null };
  profile: {
    id: string;
    fullName: string;
    email: string | null;
    phone: string | null;
    birthDate: string;
    arrivalDate: string;
    residenceBasis: string;
    gender: string | null;
    nationality: string | null;
    /** Whether a CPR number is registered; the number itself never leaves the server, not even here. */
    cprRegistered: boolean;
    jobcentre: string;
    status: string;
    confirmedAt: Iso | null;
    waitingSince: string;
    createdAt: Iso | null;
    updatedAt: Iso | null;
  };
  danish: {
    spoken: string | null;
    written: string | null;
    programme: string | null;
    module: number | null;
    test: string | null;
    evidence: string | null;
  };
  skills: Array<{ uri: string; labels: LabelSet; years: number | null; learnedWhere: string | null }>;
  /** Skills in the candidate's own words (issue 25): as written, and what the jobcentre made of them. */
  skillsInOwnWords: Array<{ text: string; language: string; status: string; mappedTo: string | null; writtenAt: Iso | null }>;
  languages: Array<{ code: string; spoken: string; written: string | null; motherTongue: boolean; evidence: string }>;
  experience: {
    occupations: Array<{ uri: string; labels: LabelSet; years: number | null }>;
    employments: Array<{ cvr: string; kind: string; startDate: string; endDate: string | null }>;
    education: string | null;
  };
  ambitions: { occupations: Array<{ uri: string; labels: LabelSet | null }>; sectors: string[]; note: string | null };
  availability: { availableFrom: string; hoursPerWeek: number | null; postalCode: string; maxTravelKm: number; drivingLicence: boolean };
  proposals: Array<{
    slot: string;
    slotType: string;
    employer: string;
    source: string;
    status: string;
    score: number | null;
    reasons: string[];
    computedAt: Iso | null;
    decidedAt: Iso | null;
    rejectReason: string | null;
    decisionNote: string | null;
    employerAnswer: { decision: string; reason: string | null; note: string | null; at: Iso | null } | null;
  }>;
  decisions: Array<{
    slot: string | null;
    slotType: string;
    source: string;
    decision: string;
    rejectReason: string | null;
    note: string | null;
    score: number | null;
    decidedAt: Iso | null;
    jobcentre: string | null;
  }>;
  sharing: Array<{
    slot: string;
    employer: string;
    granted: boolean;
    scope: string;
    recordedAt: Iso | null;
    revokedAt: Iso | null;
    recordedBy: { name: string; role: string } | null;
  }>;
  placements: Array<{
    slot: string;
    employer: string;
    type: string;
    startDate: string;
    endDate: string;
    status: string;
    startedOn: string | null;
    endedOn: string | null;
    endedReason: string | null;
    outcome: string | null;
    outcomeOn: string | null;
    followUps: Array<{ visitedOn: string; note: string; nextFollowUp: string | null }>;
    milestones: Array<{ kind: string; dueOn: string; doneOn: string | null; note: string | null }>;
  }>;
  profileViews: Array<{ viewer: string | null; organisation: string | null; jobcentre: string | null; viewedAt: Iso | null }>;
  cohorts: Array<{ title: string; sector: string; courseStart: string; courseEnd: string; status: string; rejectReason: string | null }>;
  invitations: Array<{ createdAt: Iso | null; expiresAt: Iso | null; usedAt: Iso | null }>;
  erasureRequests: Array<{
    id: string;
    requestedAt: Iso | null;
    requestedVia: string;
    deadline: string;
    daysLeft: number | null;
    status: string;
    handledAt: Iso | null;
  }>;
};

type Viewer = Pick<SessionUser, 'id' | 'role'>;
export type ExportDeps = { db: Kysely<DB>; clock: () => Date };

/**
 * Everything Jobbro holds about the logged-in candidate.
 * @throws Forbidden for anyone but a candidate; NotFound without a profile.
 */
export async function exportOwnData(deps: ExportDeps, user: Viewer): Promise<CandidateExport> {
  const { db } = deps;
  const own = await ownCandidate(db, user);
  const [account, candidate] = await Promise.all([privacy.selectAccountForExport(db, user.id), privacy.selectCandidateForExport(db, own.id)]);
  if (!account || !candidate) throw new NotFound('Candidate profile');
  const [
    skills,
    languages,
    occupations,
    employments,
    ambitionLabels,
    proposals,
    decisions,
    consents,
    placements,
    views,
    cohorts,
    invitations,
    requests,
    cprRegistered,
    freeSkills,
  ] = await Promise.all([
    privacy.selectSkillsForExport(db, candidate.id),
    privacy.selectLanguagesForExport(db, candidate.id),
    privacy.selectOccupationsForExport(db, candidate.id),
    privacy.selectEmploymentsForExport(db, candidate.id),
    privacy.selectOccupationLabels(db, candidate.ambition_occupations),
    privacy.selectProposalsForExport(db, candidate.id),
    privacy.selectDecisionsForExport(db, candidate.id),
    privacy.selectConsentsForExport(db, candidate.id),
    privacy.selectPlacementsForExport(db, candidate.id),
    selectProfileViews(db, candidate.id, null),
    privacy.selectCohortsForExport(db, candidate.id),
    privacy.selectInvitationsForExport(db, candidate.id),
    privacy.selectErasureRequestsOfCandidate(db, candidate.id),
    hasRegisteredCpr(db, candidate.id),
    selectFreeSkillsOfCandidate(db, candidate.id),
  ]);
  const placementIds = placements.map((p) => p.id);
  const [followUps, milestones] = await Promise.all([
    privacy.selectFollowUpsForExport(db, placementIds),
    privacy.selectMilestonesForExport(db, placementIds),
  ]);
  const now = deps.clock();
  const today = danishDateOf(now);
  const labelOf = new Map(ambitionLabels.map((row) => [row.uri, row.labels]));

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    account: {
      email: account.email,
      displayName: account.display_name,
      role: account.role,
      language: account.locale,
      createdAt: iso(account.created_at),
    },
    profile: {
      id: candidate.id,
      fullName: candidate.full_name,
      email: candidate.email,
      phone: candidate.phone,
      birthDate: candidate.birth_date,
      arrivalDate: candidate.arrival_date,
      residenceBasis: candidate.residence_basis,
      gender: candidate.gender,
      nationality: candidate.nationality,
      cprRegistered,
      jobcentre: candidate.jobcentre_name,
      status: candidate.status,
      confirmedAt: iso(candidate.confirmed_at),
      waitingSince: candidate.waiting_since,
      createdAt: iso(candidate.created_at),
      updatedAt: iso(candidate.updated_at),
    },
    danish: {
      spoken: candidate.danish_spoken,
      written: candidate.danish_written,
      programme: candidate.danish_programme,
      module: candidate.danish_module,
      test: candidate.danish_test,
      evidence: candidate.danish_evidence,
    },
    skills: skills.map((s) => ({ uri: s.skill_uri, labels: s.labels, years: s.years, learnedWhere: s.learned_where })),
    skillsInOwnWords: freeSkills.map((f) => ({
      text: f.text,
      language: f.lang,
      status: f.status,
      mappedTo: f.mapped_skill_uri,
      writtenAt: iso(f.created_at),
    })),
    languages: languages.map((l) => ({ code: l.code, spoken: l.spoken, written: l.written, motherTongue: l.is_mother_tongue, evidence: l.evidence })),
    experience: {
      occupations: occupations.map((o) => ({ uri: o.occupation_uri, labels: o.labels, years: o.years })),
      employments: employments.map((e) => ({ cvr: e.cvr, kind: e.kind, startDate: e.start_date, endDate: e.end_date })),
      education: candidate.education,
    },
    ambitions: {
      occupations: candidate.ambition_occupations.map((uri) => ({ uri, labels: labelOf.get(uri) ?? null })),
      sectors: candidate.ambition_sectors,
      note: candidate.ambition_note,
    },
    availability: {
      availableFrom: candidate.available_from,
      hoursPerWeek: candidate.hours_per_week,
      postalCode: candidate.postal_code,
      maxTravelKm: candidate.max_travel_km,
      drivingLicence: candidate.driving_licence,
    },
    proposals: proposals.map((p) => ({
      slot: p.slot_title,
      slotType: p.slot_type,
      employer: p.organisation_name,
      source: p.source,
      status: p.status,
      score: p.score,
      reasons: p.reasons,
      computedAt: iso(p.computed_at),
      decidedAt: iso(p.decided_at),
      rejectReason: p.reject_reason,
      decisionNote: p.decision_note,
      employerAnswer: p.employer_decision
        ? { decision: p.employer_decision, reason: p.employer_reason, note: p.employer_note, at: iso(p.employer_decided_at) }
        : null,
    })),
    decisions: decisions.map((d) => ({
      slot: d.slot_title,
      slotType: d.slot_type,
      source: d.source,
      decision: d.decision,
      rejectReason: d.reject_reason,
      note: d.note,
      score: d.score,
      decidedAt: iso(d.decided_at),
      jobcentre: d.jobcentre_name,
    })),
    sharing: consents.map((c) => ({
      slot: c.slot_title,
      employer: c.organisation_name,
      granted: c.granted,
      scope: c.scope,
      recordedAt: iso(c.recorded_at),
      revokedAt: iso(c.revoked_at),
      recordedBy: c.recorded_by_name && c.recorded_by_role ? { name: c.recorded_by_name, role: c.recorded_by_role } : null,
    })),
    placements: placements.map((p) => ({
      slot: p.slot_title,
      employer: p.organisation_name,
      type: p.type,
      startDate: p.start_date,
      endDate: p.end_date,
      status: p.status,
      startedOn: p.started_on,
      endedOn: p.ended_on,
      endedReason: p.ended_reason,
      outcome: p.outcome,
      outcomeOn: p.outcome_on,
      followUps: followUps
        .filter((f) => f.placement_id === p.id)
        .map((f) => ({ visitedOn: f.visited_on, note: f.note, nextFollowUp: f.next_follow_up })),
      milestones: milestones.filter((m) => m.placement_id === p.id).map((m) => ({ kind: m.kind, dueOn: m.due_on, doneOn: m.done_on, note: m.note })),
    })),
    profileViews: views.map((v) => ({
      viewer: v.viewer_name,
      organisation: v.organisation_name,
      jobcentre: v.jobcentre_name,
      viewedAt: iso(v.viewed_at),
    })),
    cohorts: cohorts.map((c) => ({
      title: c.title,
      sector: c.sector,
      courseStart: c.course_start,
      courseEnd: c.course_end,
      status: c.status,
      rejectReason: c.reject_reason,
    })),
    invitations: invitations.map((i) => ({ createdAt: iso(i.created_at), expiresAt: iso(i.expires_at), usedAt: iso(i.used_at) })),
    erasureRequests: requests.map((r) => ({
      id: r.id,
      requestedAt: iso(r.requested_at),
      requestedVia: r.requested_via,
      deadline: r.deadline,
      daysLeft: r.status === 'requested' ? deadlineStatus(r.deadline, today).daysLeft : null,
      status: r.status,
      handledAt: iso(r.handled_at),
    })),
  };
}

/** The download's file name, e.g. `jobbro-data-2026-03-02.json`. */
export function exportFileName(document: Pick<CandidateExport, 'exportedAt'>): string {
  return `jobbro-data-${document.exportedAt.slice(0, 10)}.json`;
}
