/**
 * The `candidates` index: one document per matchable candidate (confirmed
 * and active), holding only what matching needs. Never indexed: name, CPR,
 * e-mail, phone, nationality, gender, religion, photo — nor the birth date,
 * arrival date or residence basis. IGU eligibility is computed here from the
 * versioned rules and indexed as a window of epoch days
 * (`iguEligibleFrom`..`iguEligibleUntil`), a plain fact the engine can filter.
 */
import type { Kysely } from 'kysely';
import {
  selectJobcentreNetworks,
  selectMatchableCandidateIds,
  selectMatchableCandidatePage,
  selectMatchableCandidatesWithDetails,
  type CandidateDocumentDetailRow,
  type CandidateDocumentRow,
} from '../../../db/queries/search-documents.js';
import type { Cefr, DB } from '../../../db/schema.js';
import { epochDay, fromEpochDay } from '../../lib/dates.js';
import type { CandidateLanguage, MatchCandidate } from '../types.js';
import { iguEligibilityWindow } from '../../rules/igu-rules.js';
import { buildEach, documentsOrFailures, type DocumentFailure, type DocumentSource } from '../../../search/document-sources.js';
import type { IndexSettings, SearchDocument } from '../../../search/engine.js';
import { shared, sharedAll, sharedList, sharedPoint, type Point } from './shared-values.js';

export type CandidateDocument = {
  id: string;
  jobcentreId: string;
  /** Networks the candidate's jobcentre pools candidates in. */
  networkIds: readonly string[];
  municipalityCode: string;
  location: Point;
  maxTravelKm: number;
  /** Epoch day. */
  availableFrom: number;
  hoursPerWeek: number | null;
  skills: string[];
  /** Other languages than Danish as 'code:spoken:written' ('-' when written is unknown), e.g. 'ar:C2:C1'. */
  languages: readonly string[];
  /** Danish as CEFR rank 1..6; 0 for none. */
  danishSpoken: number;
  danishWritten: number;
  ambitionOccupations: string[];
  ambitionSectors: readonly string[];
  /** Epoch day. */
  waitingSince: number;
  /** First and last slot start day (epoch days) for which the candidate is IGU-eligible; null: none from today on. */
  iguEligibleFrom: number | null;
  iguEligibleUntil: number | null;
};

export const candidateIndexSettings: IndexSettings = {
  fields: {
    id: 'keyword',
    jobcentreId: 'keyword',
    networkIds: 'keyword[]',
    municipalityCode: 'keyword',
    location: 'geopoint',
    maxTravelKm: 'number',
    availableFrom: 'number',
    hoursPerWeek: 'number',
    skills: 'keyword[]',
    languages: 'keyword[]',
    danishSpoken: 'number',
    danishWritten: 'number',
    ambitionOccupations: 'keyword[]',
    ambitionSectors: 'keyword[]',
    waitingSince: 'number',
    iguEligibleFrom: 'number',
    iguEligibleUntil: 'number',
  },
  // Candidates are found by filters, never by free text: there is no text about a person in the index.
  searchable: [],
  filterable: [
    'jobcentreId',
    'networkIds',
    'municipalityCode',
    'location',
    'maxTravelKm',
    'availableFrom',
    'skills',
    'danishSpoken',
    'danishWritten',
    'iguEligibleFrom',
    'iguEligibleUntil',
  ],
  sortable: ['waitingSince'],
  synonyms: [],
  typoTolerance: false,
};

const CEFR: readonly Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

export function cefrToRank(level: Cefr | null): number {
  return level ? CEFR.indexOf(level) + 1 : 0;
}

export function rankToCefr(rank: number): Cefr | null {
  return rank >= 1 && rank <= CEFR.length ? CEFR[rank - 1]! : null;
}

function isCefr(value: string): value is Cefr {
  return CEFR.some((level) => level === value);
}

type CandidateExtras = {
  skills: string[];
  languages: Array<{ code: string; spoken: Cefr; written: Cefr | null }>;
  networkIds: string[];
};

/** The index document of one candidate; `today` bounds the IGU window's start. */
export function buildCandidateDocument(row: CandidateDocumentRow, extras: CandidateExtras, today: string): CandidateDocument {
  const window = iguEligibilityWindow({ birthDate: row.birth_date, arrivalDate: row.arrival_date, residenceBasis: row.residence_basis }, today);
  // Danish comes from the candidate's recorded level; a 'da' language row is the fallback.
  const danishRow = extras.languages.find((language) => language.code === 'da');
  const recorded = row.danish_spoken !== null || row.danish_written !== null;
  const danishSpoken = recorded ? row.danish_spoken : (danishRow?.spoken ?? null);
  const danishWritten = recorded ? row.danish_written : (danishRow?.written ?? null);
  return {
    id: row.id,
    jobcentreId: shared(row.jobcentre_id),
    networkIds: sharedList(extras.networkIds),
    municipalityCode: shared(row.municipality_code),
    location: sharedPoint(row.lat, row.lon),
    maxTravelKm: row.max_travel_km,
    availableFrom: epochDay(row.available_from),
    hoursPerWeek: row.hours_per_week,
    skills: sharedAll(extras.skills),
    languages: sharedList(
      extras.languages
        .filter((language) => language.code !== 'da')
        .map((language) => `${language.code}:${language.spoken}:${language.written ?? '-'}`),
    ),
    danishSpoken: cefrToRank(danishSpoken),
    danishWritten: cefrToRank(danishWritten),
    ambitionOccupations: sharedAll(row.ambition_occupations),
    ambitionSectors: sharedList(row.ambition_sectors),
    waitingSince: epochDay(row.waiting_since),
    iguEligibleFrom: window ? epochDay(window.from) : null,
    iguEligibleUntil: window ? epochDay(window.until) : null,
  };
}

/**
 * The matcher's view of an indexed candidate, built from the document alone
 * (no SQL per hit). IGU is judged on the indexed window, not on person data.
 */
export function matchCandidateFromDocument(document: CandidateDocument): MatchCandidate {
  const languages: CandidateLanguage[] = [];
  const spoken = rankToCefr(document.danishSpoken);
  if (spoken) languages.push({ code: 'da', spoken, written: rankToCefr(document.danishWritten) });
  for (const entry of document.languages) {
    const [code, spokenLevel, writtenLevel] = entry.split(':');
    if (!code || !spokenLevel || !isCefr(spokenLevel)) continue;
    languages.push({ code, spoken: spokenLevel, written: writtenLevel && isCefr(writtenLevel) ? writtenLevel : null });
  }
  const { iguEligibleFrom, iguEligibleUntil } = document;
  return {
    id: document.id,
    iguWindow:
      iguEligibleFrom !== null && iguEligibleUntil !== null ? { from: fromEpochDay(iguEligibleFrom), until: fromEpochDay(iguEligibleUntil) } : null,
    location: { lat: document.location.lat, lon: document.location.lng },
    maxTravelKm: document.maxTravelKm,
    availableFrom: fromEpochDay(document.availableFrom),
    skills: document.skills.map((esco) => ({ esco })),
    languages,
    ambitions: { occupations: document.ambitionOccupations, sectors: document.ambitionSectors },
    waitingSince: fromEpochDay(document.waitingSince),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Loads the documents of `ids` (matchable ones only) in two queries, whatever the batch size; `DocumentBuildFailures` when a row cannot be built. */
export async function loadCandidateDocuments(db: Kysely<DB>, ids: readonly string[], today: string): Promise<Map<string, CandidateDocument>> {
  return documentsOrFailures(await documentsOf(db, await selectMatchableCandidatesWithDetails(db, ids), today));
}

async function documentsOf(
  db: Kysely<DB>,
  rows: readonly CandidateDocumentDetailRow[],
  today: string,
): Promise<{ documents: Map<string, CandidateDocument>; failures: DocumentFailure[] }> {
  const networks = await selectJobcentreNetworks(db, [...new Set(rows.map((row) => row.jobcentre_id))]);
  const networksOf = groupBy(networks, (row) => row.jobcentre_id);
  return buildEach(rows, (row) =>
    buildCandidateDocument(
      row,
      {
        skills: row.skills,
        languages: row.languages,
        networkIds: (networksOf.get(row.jobcentre_id) ?? []).map((network) => network.network_id),
      },
      today,
    ),
  );
}

const ID_PAGE = 5_000;

/** The candidates index's source; `today` is read per load so a long-running process keeps the IGU window current. */
export function createCandidateDocumentSource(today: () => string): DocumentSource {
  return {
    settings: () => candidateIndexSettings,
    async load(db, ids) {
      const documents = await loadCandidateDocuments(db, ids, today());
      return new Map<string, SearchDocument>(documents);
    },
    async *allIds(db) {
      let after: string | null = null;
      for (;;) {
        const page = await selectMatchableCandidateIds(db, after, ID_PAGE);
        if (page.length === 0) return;
        yield page;
        after = page[page.length - 1]!;
      }
    },
    async loadPage(db, afterId, limit) {
      const { rows, lastId } = await selectMatchableCandidatePage(db, afterId, limit);
      const { documents, failures } = await documentsOf(db, rows, today());
      return { documents: [...documents.values()], lastId, failures };
    },
  };
}
