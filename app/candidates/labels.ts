/** Names of taxonomy and place codes in the reader's language, for every role's pages. */
import type { Locale } from '../../db/schema.js';
import { getMunicipality, getPostalCode } from '../geo/places.js';
import { getTaxonomy, type SectorId } from '../taxonomy/taxonomy.js';

export const skillLabel = (uri: string, lng: Locale): string => getTaxonomy().skillByUri.get(uri)?.labels[lng] ?? uri;
export const occupationLabel = (uri: string, lng: Locale): string => getTaxonomy().occupationByUri.get(uri)?.labels[lng] ?? uri;
export const languageLabel = (code: string, lng: Locale): string => getTaxonomy().languageByCode.get(code)?.labels[lng] ?? code;

export function sectorLabel(id: string, lng: Locale): string {
  for (const sector of getTaxonomy().sectors) if (sector.id === id) return sector.labels[lng];
  return id;
}

export function sectorOptions(lng: Locale): Array<{ id: SectorId; label: string }> {
  return getTaxonomy().sectors.map((sector) => ({ id: sector.id, label: sector.labels[lng] }));
}

const sectorChoicesByLanguage = new Map<Locale, ReadonlyArray<{ id: SectorId; label: string }>>();

/**
 * The sectors as a menu's choices in the reader's language, alphabetical
 * (the queue's sector filter, a new cohort's sector). The taxonomy never
 * changes while the app runs, so each language's list is sorted once (an
 * Intl.Collator costs more to make than the rest of the queue's filter form).
 */
export function sectorChoices(lng: Locale): ReadonlyArray<{ id: SectorId; label: string }> {
  let choices = sectorChoicesByLanguage.get(lng);
  if (!choices) {
    const collator = new Intl.Collator(lng);
    choices = sectorOptions(lng).sort((a, b) => collator.compare(a.label, b.label));
    sectorChoicesByLanguage.set(lng, choices);
  }
  return choices;
}

export function occupationOptions(lng: Locale): Array<{ uri: string; label: string; sector: string }> {
  return getTaxonomy()
    .occupations.map((o) => ({ uri: o.uri, label: o.labels[lng], sector: o.sector }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
}

export function languageOptions(lng: Locale): Array<{ code: string; label: string }> {
  return getTaxonomy()
    .languages.filter((language) => language.code !== 'da')
    .map((language) => ({ code: language.code, label: language.labels[lng] }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
}

/** Municipality names are Danish proper names; English has its own for a few. */
export function municipalityName(code: string, lng: Locale): string {
  const municipality = getMunicipality(code);
  if (!municipality) return code;
  return lng === 'en' ? municipality.nameEn : municipality.nameDa;
}

export function municipalityOfPostalCode(postalCode: string): string | null {
  return getPostalCode(postalCode)?.municipalityCode ?? null;
}
