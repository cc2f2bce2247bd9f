/**
 * What the matcher works on: slots and candidates with resolved coordinates.
 * Close to the what-if file format (scripts/match.ts), minus postal codes.
 * Gender, nationality and religion may be present on a candidate record but
 * the matcher never reads them.
 */
import type { Cefr, ResidenceBasis, SlotType } from '../../db/schema.js';
import type { GeoPoint } from '../lib/geo.js';

export type { GeoPoint };

export type SlotSkill = { esco: string; required: boolean };

export type DanishRequirement = {
  /** null: no requirement for that side. */
  spoken: Cefr | null;
  written: Cefr | null;
  /** The slot accepts one CEFR step below if the level is reached within this many months. */
  withinMonths?: number | null;
};

export type MatchSlot = {
  id: string;
  type: SlotType;
  location: GeoPoint;
  startDate: string;
  weeks: number;
  hoursPerWeek: number;
  positions: number;
  skills: readonly SlotSkill[];
  danish: DanishRequirement;
  /** ISO 639-1 codes of other languages useful at the workplace. */
  languages?: readonly string[];
  occupationUri?: string | null;
  sector?: string | null;
};

export type CandidateLanguage = { code: string; spoken: Cefr; written: Cefr | null };

/** First and last slot start date (inclusive) on which the candidate is IGU-eligible. */
export type IguWindow = { from: string; until: string };

export type MatchCandidate = {
  id: string;
  /**
   * The person facts behind IGU eligibility. Candidates built from the search
   * index carry `iguWindow` instead: the index never holds these facts.
   */
  birthDate?: string;
  residenceBasis?: ResidenceBasis;
  arrivalDate?: string;
  /**
   * Precomputed IGU eligibility (app/matching/documents/candidates.server.ts); when
   * present (null: never eligible) the matcher uses it instead of the person facts.
   */
  iguWindow?: IguWindow | null;
  location: GeoPoint;
  maxTravelKm: number;
  availableFrom: string;
  skills: ReadonlyArray<{ esco: string; years?: number | null }>;
  languages: readonly CandidateLanguage[];
  ambitions?: { occupations?: readonly string[]; sectors?: readonly string[] };
  /** Since when the candidate has waited for a company-based offer. */
  waitingSince?: string | null;
  gender?: string | null;
  nationality?: string | null;
  religion?: string | null;
};
