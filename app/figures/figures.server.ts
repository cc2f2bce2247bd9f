/**
 * Loads the figures for a jobcentre, its network or the nation and shapes
 * them as named tables (each chart and each CSV export uses one table).
 */
import type { Kysely } from 'kysely';
import {
  selectCandidateFacts,
  selectDecisionFacts,
  selectEmployerActivity,
  selectNetworkJobcentreIds,
  selectPlacementFacts,
} from '../../db/queries/figures.js';
import type { DB } from '../../db/schema.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { addMonths, addYears } from '../lib/dates.js';
import { TABLE_IDS } from './table-ids.js';
import { Forbidden } from '../lib/errors.js';
import {
  candidatesByStage,
  countBy,
  daysToFirstOffer,
  decisionSummary,
  employersActive,
  funnelOf,
  ordinaryWorkShare,
  type CandidateFact,
  type Count,
  type FirstOfferFigures,
  type ShareFigure,
} from './kpi.js';

export type FigureScope = 'jobcentre' | 'network' | 'national';
export type MapFigure = 'candidates' | 'placements' | 'ordinaryJobs';
/** The period the placement and decision figures cover; the candidates' stages are always as of today. */
export type FigurePeriod = 'all' | '12m' | '3m';
export type TableId = (typeof TABLE_IDS)[number];

export type Figures = {
  scope: FigureScope;
  period: FigurePeriod;
  today: string;
  stages: Count[];
  /** Candidates who reached each step (the stages summed from the step on). */
  funnel: Count[];
  firstOffer: FirstOfferFigures;
  ordinaryWork: { after1: ShareFigure; after3: ShareFigure };
  byScheme: Count[];
  bySector: Count[];
  byOutcome: Count[];
  decisions: Count[];
  employersActive: number;
  /** Municipality code → value of each map figure. */
  map: Record<MapFigure, Record<string, number>>;
};

type Deps = { db: Kysely<DB>; clock: () => Date };
type Viewer = ConsultantUser;

async function jobcentreIdsFor(deps: Deps, user: Viewer, scope: FigureScope): Promise<string[] | null> {
  if (scope === 'national') {
    if (user.role !== 'admin') throw new Forbidden('National figures are for administrators');
    return null;
  }
  const consultant = asConsultant(user);
  return scope === 'network' ? selectNetworkJobcentreIds(deps.db, consultant.jobcentreId) : [consultant.jobcentreId];
}

function byMunicipality(rows: ReadonlyArray<{ municipalityCode: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[row.municipalityCode] = (out[row.municipalityCode] ?? 0) + 1;
  return out;
}

/** Every figure for the scope; consultants get their jobcentre or network, admins the nation. */
export async function loadFigures(deps: Deps, user: Viewer, scope: FigureScope, period: FigurePeriod = 'all'): Promise<Figures> {
  const ids = await jobcentreIdsFor(deps, user, scope);
  const today = deps.clock().toISOString().slice(0, 10);
  const since = period === 'all' ? null : addMonths(today, period === '12m' ? -12 : -3);
  const [candidateRows, placementRows, decisionRows, activityRows] = await Promise.all([
    selectCandidateFacts(deps.db, ids),
    selectPlacementFacts(deps.db, ids, since),
    selectDecisionFacts(deps.db, ids, since),
    selectEmployerActivity(deps.db, ids),
  ]);
  const facts: CandidateFact[] = candidateRows.map((row) => ({
    candidateId: row.candidate_id,
    municipalityCode: row.municipality_code,
    registeredOn: row.registered_on,
    arrivalDate: row.arrival_date,
    hasProposal: row.has_proposal,
    firstOfferOn: row.first_offer_on,
    placementStatus: row.placement_status,
    outcome: row.outcome,
    ordinaryWorkFrom: row.ordinary_work_from,
  }));
  const placements = placementRows.map((row) => ({ ...row, municipalityCode: row.municipality_code }));
  const stages = candidatesByStage(facts);
  return {
    scope,
    period,
    today,
    stages,
    funnel: funnelOf(stages),
    firstOffer: daysToFirstOffer(facts, today),
    ordinaryWork: { after1: ordinaryWorkShare(facts, today, 1), after3: ordinaryWorkShare(facts, today, 3) },
    byScheme: countBy(placements, (p) => p.type),
    bySector: countBy(placements, (p) => p.sector, 'unknown'),
    byOutcome: countBy(placements, (p) => p.outcome, 'none'),
    decisions: decisionSummary(decisionRows.map((d) => ({ decision: d.decision, rejectReason: d.reject_reason }))),
    employersActive: employersActive(
      activityRows.flatMap((a) => (a.last_active_on ? [{ organisationId: a.organisation_id, lastActiveOn: a.last_active_on }] : [])),
      addYears(today, -1),
    ),
    map: {
      candidates: byMunicipality(facts),
      placements: byMunicipality(placements),
      ordinaryJobs: byMunicipality(facts.filter((f) => f.outcome === 'ordinary_job')),
    },
  };
}
