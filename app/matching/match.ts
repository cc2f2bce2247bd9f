/**
 * The matcher: hard rules first (scheme eligibility on the start date,
 * availability, the candidate's own travel limit, Danish), then an
 * explainable score. Pure and synchronous; callers fetch the data.
 *
 * Ordering (always): candidates with every must-have skill first, then by
 * score, then by id, so a candidate missing a must-have never outranks one
 * who has them all, and ties break the same way on every run.
 */
import { InvalidInput } from '../lib/errors.js';
import { IGU_RULE_SETS, iguEligibility, iguRuleSetOn, type IguVerdict } from '../rules/igu-rules.js';
import { distanceKm } from '../lib/geo.js';
import { type Reason, renderReason } from './explain.js';
import {
  type AmbitionFit,
  type Components,
  DEFAULT_WEIGHTS,
  type Weights,
  ambitionComponent,
  cefrRank,
  combine,
  validateWeights,
  coverage,
  danishComponent,
  distanceComponent,
  waitingComponentForDays,
  WAITING_TARGET_DAYS,
} from './score.js';
import type { CandidateLanguage, MatchCandidate, MatchSlot } from './types.js';
import { epochDay } from '../lib/dates.js';

export type MatchOptions = { asOf: string; weights?: Weights; top?: number };

export type RankedPair = {
  candidateId: string;
  score: number;
  hasAllRequired: boolean;
  components: Components;
  reasons: Reason[];
};

export type Exclusion = {
  candidateId: string;
  /** The rule that excluded the pair, e.g. 'igu.age', 'distance', 'danish.spoken'. */
  rule: string;
  source: string;
  /** English sentence; `explanation` carries the code for translation. */
  reason: string;
  explanation: Reason;
};

export type SlotMatches = { slotId: string; ranked: RankedPair[]; excluded: Exclusion[] };

/**
 * A slot made ready for matching (its skills indexed, its IGU rule set
 * found). It depends on the slot alone, so a caller that meets the same slot
 * again may keep it (the offers page does, per indexed document); `marks` is
 * scratch space that each pair fills before use, never read across calls.
 */
export type PreparedSlot = {
  readonly slot: MatchSlot;
  /** The IGU rule set in force on the start date, for pairs judged on an indexed IGU window. */
  iguRuleSetId: string;
  iguSource: string;
  /** Skill URI → index into `skills`; identity match, so URIs outside the taxonomy work too. */
  skillIndex: Map<string, number>;
  requiredTotal: number;
  niceTotal: number;
  requiredSpoken: number;
  requiredWritten: number;
  allowance: number;
  months: number;
  languages: ReadonlySet<string>;
  marks: Uint8Array;
};

/** Prepares one slot for `rankOffersForCandidate` (and, inside, for every other entry point). */
export function prepareSlot(slot: MatchSlot): PreparedSlot {
  const skillIndex = new Map<string, number>();
  let requiredTotal = 0;
  let niceTotal = 0;
  slot.skills.forEach((skill, i) => {
    if (skillIndex.has(skill.esco)) return;
    skillIndex.set(skill.esco, i);
    if (skill.required) requiredTotal += 1;
    else niceTotal += 1;
  });
  const months = slot.danish.withinMonths ?? 0;
  const ruleSet = iguRuleSetOn(slot.startDate);
  return {
    slot,
    iguRuleSetId: ruleSet?.id ?? '',
    iguSource: (ruleSet ?? IGU_RULE_SETS[0]!).source,
    skillIndex,
    requiredTotal,
    niceTotal,
    requiredSpoken: cefrRank(slot.danish.spoken),
    requiredWritten: cefrRank(slot.danish.written),
    allowance: months > 0 ? 1 : 0,
    months,
    languages: new Set(slot.languages ?? []),
    marks: new Uint8Array(slot.skills.length),
  };
}

/**
 * A pair that passed the hard rules, scored but not yet explained. Reasons
 * are built only for the pairs that make the top (a slot's 50 of the few
 * hundred retrieved): building them for every pair was a third of ranking.
 */
type ScoredPair = {
  p: PreparedSlot;
  c: MatchCandidate;
  score: number;
  hasAllRequired: boolean;
  components: Components;
  km: number;
  spoken: number;
  written: number;
  danishLevel: CandidateLanguage | null;
  niceHit: number;
  ambitionFit: AmbitionFit;
  /** Shared workplace languages, comma-separated; '' for none. */
  shared: string;
  iguSource: string | null;
  /** Days waited by `asOf`; null when unknown. */
  waitingDays: number | null;
};

type PairOutcome = { kind: 'scored'; scored: ScoredPair } | { kind: 'excluded'; exclusion: Exclusion };

function exclude(candidateId: string, rule: string, source: string, explanation: Reason): PairOutcome {
  return { kind: 'excluded', exclusion: { candidateId, rule, source, reason: renderReason(explanation), explanation } };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Epoch days of the dates the matcher meets again and again (a candidate's
 * waiting date, once per slot it is ranked for): parsing 'YYYY-MM-DD' twice
 * per pair was about a twentieth of a full re-match. Bounded, since a
 * long-running server meets new dates every day.
 */
const epochDays = new Map<string, number>();
const MAX_CACHED_DAYS = 20_000;

function epochDayOf(date: string): number {
  let day = epochDays.get(date);
  if (day === undefined) {
    day = epochDay(date);
    if (epochDays.size >= MAX_CACHED_DAYS) epochDays.clear();
    epochDays.set(date, day);
  }
  return day;
}

function scorePair(p: PreparedSlot, c: MatchCandidate, asOf: string, weights: Weights): PairOutcome {
  const { slot } = p;

  // 1. Scheme eligibility on the start date. Praktik and løntilskud have no
  //    residence or age rule (the jobcentre's referral is the gate).
  let iguSource: string | null = null;
  if (slot.type === 'igu') {
    const verdict = iguVerdictFor(c, p);
    if (!verdict.eligible) {
      return exclude(c.id, verdict.rule, verdict.source, {
        code: 'excluded.igu',
        params: { rule: verdict.rule, reason: verdict.reason, source: verdict.source },
      });
    }
    iguSource = verdict.source;
  }

  // 2. Availability.
  if (c.availableFrom > slot.startDate) {
    return exclude(c.id, 'availability', 'Jobbro', {
      code: 'excluded.availability',
      params: { availableFrom: c.availableFrom, startDate: slot.startDate },
    });
  }

  // 3. The candidate's own travel limit.
  const km = distanceKm(slot.location, c.location);
  if (km > c.maxTravelKm) {
    return exclude(c.id, 'distance', 'Jobbro', { code: 'excluded.distance', params: { km: round1(km), maxKm: c.maxTravelKm } });
  }

  // 4. Danish, spoken and written separately; withinMonths allows one step below.
  const danishLevel = danishOf(c);
  const spoken = cefrRank(danishLevel?.spoken);
  const written = cefrRank(danishLevel?.written);
  if (spoken < p.requiredSpoken - p.allowance) {
    return exclude(c.id, 'danish.spoken', 'slot requirement', {
      code: 'excluded.danish',
      params: { side: 'spoken', level: danishLevel?.spoken ?? 'none', required: slot.danish.spoken ?? '', months: p.months },
    });
  }
  if (written < p.requiredWritten - p.allowance) {
    return exclude(c.id, 'danish.written', 'slot requirement', {
      code: 'excluded.danish',
      params: { side: 'written', level: danishLevel?.written ?? 'none', required: slot.danish.written ?? '', months: p.months },
    });
  }

  // Scoring.
  const marks = p.marks;
  marks.fill(0);
  let requiredHit = 0;
  let niceHit = 0;
  for (const skill of c.skills) {
    const i = p.skillIndex.get(skill.esco);
    if (i === undefined || marks[i] === 1) continue;
    marks[i] = 1;
    if (slot.skills[i]!.required) requiredHit += 1;
    else niceHit += 1;
  }
  const hasAllRequired = requiredHit === p.requiredTotal;

  const ambitionFit = fitWithAmbitions(slot, c);
  let languageFit = 1;
  let shared = '';
  if (p.languages.size > 0) {
    languageFit = 0;
    for (const lang of c.languages) {
      if (p.languages.has(lang.code) && cefrRank(lang.spoken) >= 2) {
        languageFit = 1;
        shared = shared ? `${shared}, ${lang.code}` : lang.code;
      }
    }
  }

  const waitingDays = c.waitingSince ? Math.max(0, epochDayOf(asOf) - epochDayOf(c.waitingSince)) : null;
  const components: Components = {
    requiredSkills: coverage(requiredHit, p.requiredTotal),
    niceSkills: coverage(niceHit, p.niceTotal),
    danish: danishComponent(spoken, written, p.requiredSpoken, p.requiredWritten),
    distance: distanceComponent(km, c.maxTravelKm),
    ambitions: ambitionComponent(ambitionFit),
    waiting: waitingComponentForDays(waitingDays),
    languages: languageFit,
  };
  const score = combine(components, weights);
  return {
    kind: 'scored',
    scored: { p, c, score, hasAllRequired, components, km, spoken, written, danishLevel, niceHit, ambitionFit, shared, iguSource, waitingDays },
  };
}

/** The reasons of a scored pair, in the order the UI shows them. */
function explainPair(scored: ScoredPair): RankedPair {
  const { p, c, score, hasAllRequired, components, km, spoken, written, danishLevel, niceHit, ambitionFit, shared, iguSource, waitingDays } = scored;
  const { slot } = p;
  const reasons: Reason[] = [];
  if (hasAllRequired) {
    if (p.requiredTotal > 0) reasons.push({ code: 'skills.required_all', params: { total: p.requiredTotal } });
  } else {
    // Which must-haves the candidate lacks: their skills marked again (the marks are shared by every pair of the slot).
    const marks = p.marks;
    marks.fill(0);
    for (const skill of c.skills) {
      const i = p.skillIndex.get(skill.esco);
      if (i !== undefined) marks[i] = 1;
    }
    const missing: string[] = [];
    slot.skills.forEach((skill, i) => {
      if (skill.required && marks[i] === 0 && p.skillIndex.get(skill.esco) === i) missing.push(skill.esco);
    });
    reasons.push({
      code: 'skills.missing_required',
      params: { missing: missing.length, total: p.requiredTotal, skills: missing.join(', ') },
    });
  }
  if (p.niceTotal > 0) reasons.push({ code: 'skills.nice_covered', params: { covered: niceHit, total: p.niceTotal } });
  if (spoken >= p.requiredSpoken && written >= p.requiredWritten) {
    if (p.requiredSpoken > 0 || p.requiredWritten > 0) {
      reasons.push({
        code: 'danish.meets',
        params: {
          spoken: danishLevel?.spoken ?? 'none',
          written: danishLevel?.written ?? 'none',
          requiredSpoken: slot.danish.spoken ?? '-',
          requiredWritten: slot.danish.written ?? '-',
        },
      });
    }
  } else {
    if (spoken < p.requiredSpoken) {
      reasons.push({
        code: 'danish.within_months',
        params: { side: 'spoken', level: danishLevel?.spoken ?? 'none', required: slot.danish.spoken ?? '', months: p.months },
      });
    }
    if (written < p.requiredWritten) {
      reasons.push({
        code: 'danish.within_months',
        params: { side: 'written', level: danishLevel?.written ?? 'none', required: slot.danish.written ?? '', months: p.months },
      });
    }
  }
  reasons.push({ code: 'distance.km', params: { km: round1(km), maxKm: c.maxTravelKm } });
  if (ambitionFit === 'occupation') reasons.push({ code: 'ambitions.occupation', params: {} });
  else if (ambitionFit === 'sector') reasons.push({ code: 'ambitions.sector', params: { sector: slot.sector ?? '' } });
  else if (ambitionFit === 'none') reasons.push({ code: 'ambitions.elsewhere', params: {} });
  if (waitingDays !== null) {
    reasons.push({ code: waitingDays > WAITING_TARGET_DAYS ? 'waiting.overdue' : 'waiting.days', params: { days: waitingDays } });
  }
  if (shared) reasons.push({ code: 'languages.shared', params: { codes: shared } });
  if (iguSource) reasons.push({ code: 'igu.eligible', params: { source: iguSource } });

  return { candidateId: c.id, score, hasAllRequired, components, reasons };
}

/**
 * IGU on the start date: from the precomputed window when the candidate came
 * from the search index (which holds no birth or arrival date), else from the
 * person facts under the rule set in force that day.
 */
function iguVerdictFor(c: MatchCandidate, p: PreparedSlot): IguVerdict {
  const startDate = p.slot.startDate;
  if (c.iguWindow !== undefined) {
    const source = p.iguSource;
    const window = c.iguWindow;
    if (window && window.from <= startDate && startDate <= window.until) {
      return { eligible: true, ruleSet: p.iguRuleSetId, source };
    }
    return {
      eligible: false,
      rule: 'igu.window',
      reason: window ? `IGU-eligible only for start dates ${window.from} to ${window.until}` : 'not IGU-eligible on any coming start date',
      source,
    };
  }
  if (c.birthDate === undefined || c.arrivalDate === undefined || c.residenceBasis === undefined) {
    return { eligible: false, rule: 'igu.unknown', reason: 'birth date, arrival date or residence basis unknown', source: 'Jobbro' };
  }
  return iguEligibility({ birthDate: c.birthDate, arrivalDate: c.arrivalDate, residenceBasis: c.residenceBasis }, startDate);
}

function danishOf(c: MatchCandidate): CandidateLanguage | null {
  for (const lang of c.languages) if (lang.code === 'da') return lang;
  return null;
}

function fitWithAmbitions(slot: MatchSlot, c: MatchCandidate): AmbitionFit {
  const occupations = c.ambitions?.occupations ?? [];
  const sectors = c.ambitions?.sectors ?? [];
  if (occupations.length === 0 && sectors.length === 0) return 'unknown';
  if (slot.occupationUri && occupations.includes(slot.occupationUri)) return 'occupation';
  if (slot.sector && sectors.includes(slot.sector)) return 'sector';
  if (!slot.occupationUri && !slot.sector) return 'unknown';
  return 'none';
}

/** Must-haves first, then score, then id: the one ordering used everywhere. */
function compareRanked(
  a: { hasAllRequired: boolean; score: number },
  b: { hasAllRequired: boolean; score: number },
  aId: string,
  bId: string,
): number {
  if (a.hasAllRequired !== b.hasAllRequired) return a.hasAllRequired ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

function checkOptions(opts: MatchOptions): Weights {
  if (opts.top !== undefined && (!Number.isInteger(opts.top) || opts.top < 0)) {
    throw new RangeError(`top must be a whole number ≥ 0, got ${opts.top}`);
  }
  if (!opts.weights) return DEFAULT_WEIGHTS;
  const problems = validateWeights(opts.weights);
  if (problems.length > 0) throw new InvalidInput('Invalid matcher weights', { weights: problems });
  return opts.weights;
}

/**
 * Ranks candidates for one slot. Excluded pairs carry the rule that excluded
 * them; ranked pairs carry their component breakdown and reasons. `top`
 * limits the ranked list only.
 */
export function matchSlot(slot: MatchSlot, candidates: readonly MatchCandidate[], opts: MatchOptions): SlotMatches {
  const weights = checkOptions(opts);
  const prepared = prepareSlot(slot);
  const scored: ScoredPair[] = [];
  const excluded: Exclusion[] = [];
  for (const c of candidates) {
    const outcome = scorePair(prepared, c, opts.asOf, weights);
    if (outcome.kind === 'scored') scored.push(outcome.scored);
    else excluded.push(outcome.exclusion);
  }
  scored.sort((a, b) => compareRanked(a, b, a.c.id, b.c.id));
  excluded.sort((a, b) => (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));
  const kept = opts.top === undefined ? scored : scored.slice(0, opts.top);
  return { slotId: slot.id, ranked: kept.map(explainPair), excluded };
}

export type RankedOffer = Omit<RankedPair, 'candidateId'> & { slotId: string };
export type ExcludedOffer = Omit<Exclusion, 'candidateId'> & { slotId: string };
export type CandidateOffers = { candidateId: string; ranked: RankedOffer[]; excluded: ExcludedOffer[] };

/**
 * An offer that passed the hard rules, scored but not explained yet: the
 * offers page ranks a few hundred slots but shows twenty, and the reasons
 * were most of the cost of ranking. `explain()` gives what
 * `offersForCandidate` would have returned for this offer.
 */
export class ScoredOffer {
  readonly slotId: string;
  readonly score: number;
  readonly hasAllRequired: boolean;
  /** Distance to the slot, rounded as the 'distance.km' reason says it. */
  readonly km: number;
  readonly #pair: ScoredPair;

  constructor(pair: ScoredPair) {
    this.slotId = pair.p.slot.id;
    this.score = pair.score;
    this.hasAllRequired = pair.hasAllRequired;
    this.km = round1(pair.km);
    this.#pair = pair;
  }

  /** The offer with its component breakdown and reasons. */
  explain(): RankedOffer {
    const { candidateId: _candidateId, ...rest } = explainPair(this.#pair);
    return { slotId: this.slotId, ...rest };
  }
}

export type ScoredOffers = { candidateId: string; ranked: ScoredOffer[]; excluded: ExcludedOffer[] };

/**
 * `offersForCandidate` on prepared slots, without building reasons: the same
 * rules, the same order, the same exclusions (those carry their explanation).
 */
export function rankOffersForCandidate(candidate: MatchCandidate, slots: readonly PreparedSlot[], opts: MatchOptions): ScoredOffers {
  const weights = checkOptions(opts);
  const scored: ScoredPair[] = [];
  const excluded: ExcludedOffer[] = [];
  for (const prepared of slots) {
    const outcome = scorePair(prepared, candidate, opts.asOf, weights);
    if (outcome.kind === 'scored') {
      scored.push(outcome.scored);
    } else {
      const { candidateId: _candidateId, ...rest } = outcome.exclusion;
      excluded.push({ slotId: prepared.slot.id, ...rest });
    }
  }
  scored.sort((a, b) => compareRanked(a, b, a.p.slot.id, b.p.slot.id));
  excluded.sort((a, b) => (a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0));
  const kept = opts.top === undefined ? scored : scored.slice(0, opts.top);
  return { candidateId: candidate.id, ranked: kept.map((pair) => new ScoredOffer(pair)), excluded };
}

/** The same rules and score from the candidate's side: which slots suit them best. */
export function offersForCandidate(candidate: MatchCandidate, slots: readonly MatchSlot[], opts: MatchOptions): CandidateOffers {
  const { ranked, excluded } = rankOffersForCandidate(candidate, slots.map(prepareSlot), opts);
  return { candidateId: candidate.id, ranked: ranked.map((offer) => offer.explain()), excluded };
}
