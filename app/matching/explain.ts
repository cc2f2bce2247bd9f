/**
 * Plain-language reasons as codes with parameters. The web UI translates the
 * codes; `renderReason` gives English and Danish text for the CLI and tests.
 */

export type ReasonCode =
  // Why a pair ranks where it does.
  | 'skills.required_all'
  | 'skills.missing_required'
  | 'skills.nice_covered'
  | 'danish.meets'
  | 'danish.within_months'
  | 'distance.km'
  | 'ambitions.occupation'
  | 'ambitions.sector'
  | 'ambitions.elsewhere'
  | 'waiting.days'
  | 'waiting.overdue'
  | 'languages.shared'
  | 'igu.eligible'
  // Why a pair is excluded.
  | 'excluded.igu'
  | 'excluded.availability'
  | 'excluded.distance'
  | 'excluded.danish';

export type Reason = { code: ReasonCode; params: Record<string, string | number> };
export type Locale = 'en' | 'da';

type Template = (p: Record<string, string | number>) => string;

const s = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const plural = (n: string | number | undefined, one: string, many: string): string => (Number(n) === 1 ? one : many);

const TEMPLATES: Record<Locale, Record<ReasonCode, Template>> = {
  en: {
    'skills.required_all': (p) => `Has all ${s(p.total)} must-have ${plural(p.total, 'skill', 'skills')}`,
    'skills.missing_required': (p) => `Lacks ${s(p.missing)} of ${s(p.total)} must-have skills: ${s(p.skills)}`,
    'skills.nice_covered': (p) => `Has ${s(p.covered)} of ${s(p.total)} nice-to-have skills`,
    'danish.meets': (p) =>
      `Danish ${s(p.spoken)} spoken / ${s(p.written)} written meets the required ${s(p.requiredSpoken)} / ${s(p.requiredWritten)}`,
    'danish.within_months': (p) =>
      `Danish ${s(p.side)} is ${s(p.level)}, one step below ${s(p.required)}; accepted if reached within ${s(p.months)} months`,
    'distance.km': (p) => `${s(p.km)} km away, within the candidate's limit of ${s(p.maxKm)} km`,
    'ambitions.occupation': () => `The occupation is one the candidate aims for`,
    'ambitions.sector': (p) => `In the sector the candidate aims for (${s(p.sector)})`,
    'ambitions.elsewhere': () => `The candidate's stated ambitions lie elsewhere`,
    'waiting.days': (p) => `Has waited ${s(p.days)} days for a company-based offer`,
    'waiting.overdue': (p) => `Has waited ${s(p.days)} days, past the 30-day target for a first company-based offer`,
    'languages.shared': (p) => `Speaks ${s(p.codes)}, useful at this workplace`,
    'igu.eligible': (p) => `Eligible for IGU on the start date (${s(p.source)})`,
    'excluded.igu': (p) => `Not eligible for IGU on the start date: ${s(p.reason)} (${s(p.source)})`,
    'excluded.availability': (p) => `Available from ${s(p.availableFrom)}, after the start date ${s(p.startDate)}`,
    'excluded.distance': (p) => `${s(p.km)} km away, beyond the candidate's limit of ${s(p.maxKm)} km`,
    'excluded.danish': (p) =>
      `Danish ${s(p.side)} is ${s(p.level)}; the slot needs ${s(p.required)}${p.months ? ` (or one step below within ${s(p.months)} months)` : ''}`,
  },
  da: {
    'skills.required_all': (p) => `Har alle ${s(p.total)} krævede kompetencer`,
    'skills.missing_required': (p) => `Mangler ${s(p.missing)} af ${s(p.total)} krævede kompetencer: ${s(p.skills)}`,
    'skills.nice_covered': (p) => `Har ${s(p.covered)} af ${s(p.total)} ønskede kompetencer`,
    'danish.meets': (p) =>
      `Dansk ${s(p.spoken)} mundtligt / ${s(p.written)} skriftligt opfylder kravet ${s(p.requiredSpoken)} / ${s(p.requiredWritten)}`,
    'danish.within_months': (p) =>
      `Dansk ${p.side === 'spoken' ? 'mundtligt' : 'skriftligt'} er ${s(p.level)}, et trin under ${s(p.required)}; godtages hvis det nås inden for ${s(p.months)} måneder`,
    'distance.km': (p) => `${s(p.km)} km væk, inden for kandidatens grænse på ${s(p.maxKm)} km`,
    'ambitions.occupation': () => `Stillingen er en, kandidaten ønsker`,
    'ambitions.sector': (p) => `I den branche, kandidaten ønsker (${s(p.sector)})`,
    'ambitions.elsewhere': () => `Kandidatens ønsker ligger et andet sted`,
    'waiting.days': (p) => `Har ventet ${s(p.days)} dage på et virksomhedsrettet tilbud`,
    'waiting.overdue': (p) => `Har ventet ${s(p.days)} dage, ud over målet på 30 dage for første virksomhedsrettede tilbud`,
    'languages.shared': (p) => `Taler ${s(p.codes)}, som er nyttigt på arbejdspladsen`,
    'igu.eligible': (p) => `Kan komme i IGU på startdatoen (${s(p.source)})`,
    'excluded.igu': (p) => `Kan ikke komme i IGU på startdatoen: ${s(p.rule)} (${s(p.source)})`,
    'excluded.availability': (p) => `Kan starte fra ${s(p.availableFrom)}, efter startdatoen ${s(p.startDate)}`,
    'excluded.distance': (p) => `${s(p.km)} km væk, ud over kandidatens grænse på ${s(p.maxKm)} km`,
    'excluded.danish': (p) =>
      `Dansk ${p.side === 'spoken' ? 'mundtligt' : 'skriftligt'} er ${s(p.level)}; pladsen kræver ${s(p.required)}${p.months ? ` (eller et trin under inden for ${s(p.months)} måneder)` : ''}`,
  },
};

/** Renders a reason code as a sentence in English or Danish. */
export function renderReason(reason: Reason, locale: Locale = 'en'): string {
  return TEMPLATES[locale][reason.code](reason.params);
}

/** Is `code` one of the reason codes (stored reasons are read back from JSON)? */
export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(TEMPLATES.en, code);
}
