/**
 * Skill suggestions over the shipped taxonomy, for loaders. A `.server`
 * module, so that a route using it keeps the taxonomy out of the browser
 * bundle.
 */
import { suggestionCatalogue, type SuggestionCatalogue } from './skill-suggestions.js';
import { getTaxonomy, type Locale } from './taxonomy.js';

export type { SuggestionCatalogue } from './skill-suggestions.js';

const catalogues = new Map<Locale, SuggestionCatalogue>();

/** {@link suggestionCatalogue} of the taxonomy the app ships; built once per language, the taxonomy being fixed while the app runs. */
export function suggestionCatalogueFor(lang: Locale): SuggestionCatalogue {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    catalogue = suggestionCatalogue(getTaxonomy(), lang);
    catalogues.set(lang, catalogue);
  }
  return catalogue;
}
