/**
 * The `slots` index: one document per published slot, with what matching
 * needs (scheme, place, start day, skills, Danish, languages) and searchable
 * text — the title, description and the skill and occupation labels in
 * Danish, English, Arabic and Ukrainian — so a candidate can search in their
 * own language, with typos and the taxonomy's synonyms.
 */
import type { Kysely } from 'kysely';
import {
  selectPublishedSlotIds,
  selectPublishedSlotPage,
  selectPublishedSlotsWithSkills,
  type SlotDocumentRow,
} from '../../../db/queries/search-documents.js';
import type { DB, LabelSet, SlotType } from '../../../db/schema.js';
import { epochDay, fromEpochDay } from '../../lib/dates.js';
import type { MatchSlot } from '../types.js';
import { taxonomySynonymGroups } from '../../taxonomy/search-synonyms.js';
import { buildEach, documentsOrFailures, type DocumentSource } from '../../../search/document-sources.js';
import type { IndexSettings, SearchDocument } from '../../../search/engine.js';
import { cefrToRank, rankToCefr } from './candidates.server.js';
import { shared, sharedAll } from './shared-values.js';

export type SlotDocument = {
  id: string;
  type: SlotType;
  organisationId: string;
  municipalityCode: string;
  pooledNetworkId: string | null;
  location: { lat: number; lng: number };
  /** Epoch day. */
  startDay: number;
  weeks: number;
  hoursPerWeek: number;
  positions: number;
  requiredSkills: string[];
  optionalSkills: string[];
  /** Required and optional together, for "has any of the skills" filters. */
  skills: string[];
  /** CEFR rank 1..6, 0 for no requirement. */
  danishSpoken: number;
  danishWritten: number;
  danishWithinMonths: number | null;
  languages: string[];
  occupationUri: string | null;
  sector: string | null;
  title: string;
  description: string;
  /** Skill labels in da, en, ar and uk. */
  skillText: string;
  /** Occupation label in da, en, ar and uk. */
  occupationText: string;
};

let settingsCache: IndexSettings | undefined;

/** Built on first use: the synonym groups come from the taxonomy (a few thousand terms). */
export function slotIndexSettings(): IndexSettings {
  settingsCache ??= {
    fields: {
      id: 'keyword',
      type: 'keyword',
      organisationId: 'keyword',
      municipalityCode: 'keyword',
      pooledNetworkId: 'keyword',
      location: 'geopoint',
      startDay: 'number',
      weeks: 'number',
      hoursPerWeek: 'number',
      positions: 'number',
      requiredSkills: 'keyword[]',
      optionalSkills: 'keyword[]',
      skills: 'keyword[]',
      danishSpoken: 'number',
      danishWritten: 'number',
      danishWithinMonths: 'number',
      languages: 'keyword[]',
      occupationUri: 'keyword',
      sector: 'keyword',
      title: 'string',
      description: 'string',
      skillText: 'string',
      occupationText: 'string',
    },
    searchable: ['title', 'occupationText', 'skillText', 'description'],
    filterable: [
      'type',
      'organisationId',
      'municipalityCode',
      'pooledNetworkId',
      'location',
      'startDay',
      'hoursPerWeek',
      'skills',
      'danishSpoken',
      'danishWritten',
      'danishWithinMonths',
      'languages',
      'occupationUri',
      'sector',
    ],
    sortable: ['startDay'],
    synonyms: taxonomySynonymGroups(),
    typoTolerance: true,
  };
  return settingsCache;
}

const labelText = (labels: LabelSet | null): string => (labels ? [labels.da, labels.en, labels.ar, labels.uk].join(' · ') : '');

export function buildSlotDocument(
  row: SlotDocumentRow,
  skills: ReadonlyArray<{ skill_uri: string; required: boolean; labels: LabelSet }>,
): SlotDocument {
  const requiredSkills = skills.filter((skill) => skill.required).map((skill) => shared(skill.skill_uri));
  const optionalSkills = skills.filter((skill) => !skill.required).map((skill) => shared(skill.skill_uri));
  return {
    id: row.id,
    type: row.type,
    organisationId: shared(row.organisation_id),
    municipalityCode: shared(row.municipality_code),
    pooledNetworkId: row.pooled_network_id,
    location: { lat: row.lat, lng: row.lon },
    startDay: epochDay(row.start_date),
    weeks: row.weeks,
    hoursPerWeek: row.hours_per_week,
    positions: row.positions,
    requiredSkills,
    optionalSkills,
    skills: [...requiredSkills, ...optionalSkills],
    danishSpoken: cefrToRank(row.danish_spoken),
    danishWritten: cefrToRank(row.danish_written),
    danishWithinMonths: row.danish_within_months,
    languages: sharedAll(row.languages),
    occupationUri: row.occupation_uri === null ? null : shared(row.occupation_uri),
    sector: row.sector === null ? null : shared(row.sector),
    title: row.title,
    description: row.description,
    skillText: skills.map((skill) => labelText(skill.labels)).join(' · '),
    occupationText: labelText(row.occupation_labels),
  };
}

/** The matcher's view of an indexed slot, built from the document alone. */
export function matchSlotFromDocument(document: SlotDocument): MatchSlot {
  return {
    id: document.id,
    type: document.type,
    location: { lat: document.location.lat, lon: document.location.lng },
    startDate: fromEpochDay(document.startDay),
    weeks: document.weeks,
    hoursPerWeek: document.hoursPerWeek,
    positions: document.positions,
    skills: [
      ...document.requiredSkills.map((esco) => ({ esco, required: true })),
      ...document.optionalSkills.map((esco) => ({ esco, required: false })),
    ],
    danish: {
      spoken: rankToCefr(document.danishSpoken),
      written: rankToCefr(document.danishWritten),
      withinMonths: document.danishWithinMonths,
    },
    languages: document.languages,
    occupationUri: document.occupationUri,
    sector: document.sector,
  };
}

/** Loads the documents of `ids` (published slots of verified employers only) in one query. */
export async function loadSlotDocuments(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, SlotDocument>> {
  const rows = await selectPublishedSlotsWithSkills(db, ids);
  return documentsOrFailures(buildEach(rows, (row) => buildSlotDocument(row, row.skills)));
}

const ID_PAGE = 5_000;

export function createSlotDocumentSource(): DocumentSource {
  return {
    settings: slotIndexSettings,
    async load(db, ids) {
      return new Map<string, SearchDocument>(await loadSlotDocuments(db, ids));
    },
    async *allIds(db) {
      let after: string | null = null;
      for (;;) {
        const page = await selectPublishedSlotIds(db, after, ID_PAGE);
        if (page.length === 0) return;
        yield page;
        after = page[page.length - 1]!;
      }
    },
    async loadPage(db, afterId, limit) {
      const { rows, lastId } = await selectPublishedSlotPage(db, afterId, limit);
      const { documents, failures } = buildEach(rows, (row) => buildSlotDocument(row, row.skills));
      return { documents: [...documents.values()], lastId, failures };
    },
  };
}
