/**
 * What the slot form offers, in the reader's language: the company's
 * workplaces with their room under the ratio rule, occupations with the
 * skills each suggests, languages and (for the no-JavaScript fallback) every skill.
 */
import type { Kysely } from 'kysely';
import type { DB, Locale } from '../../db/schema.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { listWorkplaces, type EmployerActor } from './organisations.server.js';
import type { SlotView } from './schemas.js';

export type Option = { value: string; label: string };

export async function slotFormOptions(deps: { db: Kysely<DB> }, actor: EmployerActor, lang: Locale) {
  const taxonomy = getTaxonomy();
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, lang);
  const workplaces = await listWorkplaces(deps, actor);
  const skills = taxonomy.skills.map((s) => ({ value: s.uri, label: s.labels[lang] })).sort(byLabel);
  const skillIndex = new Map(skills.map((s, i) => [s.value, i]));
  // An occupation's suggested skills travel as positions in `skills` (sent anyway for the
  // no-JavaScript fallback): a few kilobytes rather than every URI again.
  const positions = (uris: string[]) => uris.flatMap((uri) => skillIndex.get(uri) ?? []);
  return {
    workplaces: workplaces.map((w) => ({ value: w.id, label: `${w.name} (${w.postalCode} ${w.municipalityName})`, ratio: w.ratio })),
    occupations: taxonomy.occupations
      .map((o) => ({
        value: o.uri,
        label: o.labels[lang],
        essentialSkills: positions(o.essentialSkills),
        optionalSkills: positions(o.optionalSkills),
      }))
      .sort(byLabel),
    languages: taxonomy.languages
      .filter((l) => l.code !== 'da')
      .map((l) => ({ value: l.code, label: l.labels[lang] }))
      .sort(byLabel),
    skills,
  };
}

export type SlotFormOptions = Awaited<ReturnType<typeof slotFormOptions>>;

/** A slot as the form's default values (edit). */
export function slotFormDefaults(slot: SlotView): Record<string, string | string[] | undefined> {
  return {
    type: slot.type,
    workplaceId: slot.workplaceId,
    title: slot.title,
    occupationUri: slot.occupationUri ?? undefined,
    description: slot.description,
    mustSkills: slot.mustSkills,
    niceSkills: slot.niceSkills,
    danishSpoken: slot.danishSpoken ?? undefined,
    danishWritten: slot.danishWritten ?? undefined,
    danishWithinMonths: slot.danishWithinMonths === null ? undefined : String(slot.danishWithinMonths),
    languages: slot.languages,
    positions: String(slot.positions),
    startDate: slot.startDate,
    weeks: String(slot.weeks),
    hoursPerWeek: String(slot.hoursPerWeek),
    mentor: slot.mentor ? 'on' : undefined,
    payBasis: slot.payBasis ?? undefined,
    netJobsFteNow: slot.netJobs ? String(slot.netJobs.fteNow) : undefined,
    netJobsFte12mAgo: slot.netJobs ? String(slot.netJobs.fte12mAgo) : undefined,
    netJobsFillsVacancy: slot.netJobs ? (slot.netJobs.fillsVacancy ? 'yes' : 'no') : undefined,
    netJobsVacatedOn: slot.netJobs?.vacatedOn ?? undefined,
  };
}
