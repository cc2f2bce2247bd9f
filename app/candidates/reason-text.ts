/**
 * The matcher's reason codes as i18n keys and values for the candidate's
 * own language (`candidate:reasons.*`). Sides, levels and dates are turned
 * into words here so every language can phrase the sentence its own way.
 */
import type { TFunction } from 'i18next';
import type { Reason } from '../matching/explain.js';

/** Figures a reason may carry (distances, counts): written with the page language's digits and decimal sign. */
const NUMBER_PARAMS = ['km', 'maxKm', 'days', 'total', 'missing', 'covered', 'months'] as const;

export function reasonText(t: TFunction, reason: Reason, formatDate: (iso: string) => string, formatNumber: (value: number) => string): string {
  const params: Record<string, string | number> = { ...reason.params };
  for (const name of NUMBER_PARAMS) {
    const value = params[name];
    if (typeof value === 'number') params[name] = formatNumber(value);
  }
  if (typeof params.side === 'string') params.side = t(`candidate:reasons.side.${params.side}`);
  if (params.level === 'none') params.level = t('candidate:reasons.levelNone');
  if (typeof params.startDate === 'string') params.startDate = formatDate(params.startDate);
  if (typeof params.availableFrom === 'string') params.availableFrom = formatDate(params.availableFrom);
  return t(`candidate:reasons.${reason.code}`, params);
}

/** Reasons worth telling the candidate (waiting time is for the consultant). */
export function candidateReasons(reasons: readonly Reason[]): Reason[] {
  return reasons.filter(
    (reason) => !reason.code.startsWith('waiting.') && reason.code !== 'skills.missing_required' && reason.code !== 'skills.required_all',
  );
}
