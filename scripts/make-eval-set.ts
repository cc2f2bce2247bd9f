/**
 * Generates the labelled evaluation set in tests/fixtures/eval/ (deterministic:
 * seeded RNG, no clock). Run: `npx tsx scripts/make-eval-set.ts`.
 *
 * Every slot gets ten candidates designed around it (archetypes below); the
 * labels of ALL slot × candidate pairs then come from `labelPair`, a
 * rule-of-thumb judge written independently of the matcher's weights:
 *   wrong      fails a hard rule (scheme eligibility on the start date,
 *              availability, own travel limit, Danish incl. the one-step
 *              withinMonths allowance) or lacks a must-have skill;
 *   good       has every must-have, meets the Danish level today, lives within
 *              60 % of their travel limit, has at least half the nice-to-haves,
 *              ambitions not elsewhere, and has waited ≥ 14 days or aims for
 *              this very occupation or sector;
 *   acceptable everything else.
 * The generator checks that each designed pair gets the label it was designed
 * for, so the archetypes and the judge cannot drift apart silently. The judge
 * imports none of the matcher's rule functions (app/matching, app/rules).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cefr, ResidenceBasis, SlotType } from '../db/schema.js';
import { addDays, addYears, ageOn, daysBetween } from '../app/lib/dates.js';
import { distanceKm } from '../app/lib/geo.js';
import { createRng } from '../db/seed/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'tests/fixtures/eval');
const ASOF = '2026-03-01';
const rng = createRng(4_2026);

const TOWNS = [
  { code: '6200', name: 'Aabenraa', lat: 55.00669, lon: 9.45922 },
  { code: '6400', name: 'Sønderborg', lat: 54.94443, lon: 9.72635 },
  { code: '6100', name: 'Haderslev', lat: 55.24559, lon: 9.54786 },
  { code: '6270', name: 'Tønder', lat: 54.9525, lon: 8.8927 },
  { code: '7100', name: 'Vejle', lat: 55.70288, lon: 9.50005 },
  { code: '6000', name: 'Kolding', lat: 55.49686, lon: 9.47789 },
  { code: '7000', name: 'Fredericia', lat: 55.58307, lon: 9.66006 },
  { code: '6700', name: 'Esbjerg', lat: 55.47214, lon: 8.45797 },
  { code: '8000', name: 'Aarhus C', lat: 56.14843, lon: 10.2045 },
  { code: '5000', name: 'Odense C', lat: 55.40921, lon: 10.39397 },
  { code: '9000', name: 'Aalborg', lat: 57.03988, lon: 9.86321 },
  { code: '2200', name: 'København N', lat: 55.6949, lon: 12.5505 },
] as const;

const SKILL = 'http://data.europa.eu/esco/skill/';
const OCC = 'http://data.europa.eu/esco/occupation/';
/** Sector → an ESCO occupation and five ESCO skills (the first two are the usual must-haves). */
const SECTORS: Record<string, { occupation: string; skills: string[] }> = {
  kitchen: {
    occupation: `${OCC}f756fdab-7726-4c48-bfcc-94ff8810fc08`, // kitchen porter
    skills: [
      'f20aedf0-6543-498d-b88e-0a32e604acbb',
      'a34f4fd4-1aff-4941-82d5-542ac94f81c3',
      '0ff99f51-40d9-42f1-a1ec-377b2bb5e15f',
      '29b326ea-a9c8-4963-b35a-8541d0cdff77',
      '5598739b-6718-4cff-8402-91d7f65b1505',
    ].map((id) => SKILL + id),
  },
  cleaning: {
    occupation: `${OCC}cbad55a4-c7cf-4ab6-9540-eac72b26729b`, // domestic cleaner
    skills: [
      'a2cd3b30-2d6c-473e-a5d4-4e7cb576babe',
      '51a26193-9abe-4bce-9108-f50835be1c35',
      '4f1b6304-f54a-42f0-9604-5427a28d240f',
      '2ed98048-bf2f-47e5-a0de-fd23d6abe2f6',
      'd05ae693-dc7d-4073-8806-2782f117c24a',
    ].map((id) => SKILL + id),
  },
  warehouse: {
    occupation: `${OCC}bea705fe-06ac-4147-b8e0-6e8ac1208d8f`, // warehouse worker
    skills: [
      '28cb374e-6261-4133-8371-f9a5470145da',
      '3d086228-d7fc-4c23-972a-22b7d44a6173',
      '667cbbaf-f377-46d8-8f2d-1f6d8a55d74a',
      'f7f56b20-8f05-4731-a1bf-79fdcffc72ce',
      '7c821387-b428-4f75-b5a7-7b038aa81cfd',
    ].map((id) => SKILL + id),
  },
  retail: {
    occupation: `${OCC}d35f9e79-5778-43b4-8667-0e3ba1fcb19a`, // shelf filler
    // The last is a local skill outside ESCO: it must match by identity.
    skills: [
      ...[
        '75dfe1ee-5935-42ce-b820-697f827825c3',
        'de804504-bd5c-465d-b54f-9da299d8ee90',
        '28d715e3-3e5b-4fb6-8dd2-4be4919c8587',
        '3d086228-d7fc-4c23-972a-22b7d44a6173',
      ].map((id) => SKILL + id),
      'urn:jobbro:skill:payment-terminal',
    ],
  },
  care: {
    occupation: `${OCC}1391bdf9-bd61-4fb5-91ca-c29036ab2b60`, // home care aide
    skills: [
      'b6b2e665-1085-4f4d-9973-e979721815d7',
      '0e21e183-e787-4f23-a240-93b416c088c2',
      'd9449998-c1f5-478c-a103-2255398cf0b6',
      'ecb34d35-867f-4b7e-97cb-0ff2f1710857',
      '51754b8a-3e2c-4cc1-86e6-cf510d9c6fe4',
    ].map((id) => SKILL + id),
  },
  food: {
    occupation: `${OCC}e3dc66de-99c7-4607-a82b-7244036d316d`, // food production operator
    skills: [
      'a34f4fd4-1aff-4941-82d5-542ac94f81c3',
      '7838de1e-d65e-4a3f-b60b-e2213026116f',
      'ff340526-6bf6-4cd0-bcb1-87f1d6265bda',
      '2f4e1ff6-1191-4fd8-b1bf-043af19cec65',
      '51754b8a-3e2c-4cc1-86e6-cf510d9c6fe4',
    ].map((id) => SKILL + id),
  },
};
const SECTOR_NAMES = Object.keys(SECTORS);
const TYPES: SlotType[] = ['igu', 'praktik', 'loentilskud'];
const CEFR: Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const rank = (l: Cefr | null | undefined): number => (l ? CEFR.indexOf(l) + 1 : 0);
const level = (r: number): Cefr | null => (r <= 0 ? null : CEFR[Math.min(r, 6) - 1]!);
const OTHER_LANGUAGES = ['ar', 'ti', 'fa', 'so', 'uk', 'ps', 'ku'];

type Point = { lat: number; lon: number };
type EvalSlot = {
  id: string;
  type: SlotType;
  postalCode: string;
  location: Point;
  startDate: string;
  weeks: number;
  hoursPerWeek: number;
  positions: number;
  skills: Array<{ esco: string; required: boolean }>;
  danish: { spoken: Cefr; written: Cefr; withinMonths?: number };
  languages?: string[];
  occupationUri: string;
  sector: string;
};
type EvalCandidate = {
  id: string;
  birthDate: string;
  residenceBasis: ResidenceBasis;
  arrivalDate: string;
  postalCode: string;
  location: Point;
  maxTravelKm: number;
  availableFrom: string;
  skills: Array<{ esco: string; years?: number }>;
  languages: Array<{ code: string; spoken: Cefr; written: Cefr }>;
  ambitions?: { occupations?: string[]; sectors?: string[] };
  waitingSince?: string;
  gender?: string;
  nationality?: string;
};
type Label = 'good' | 'acceptable' | 'wrong';

/** A point `km` from `from` in a random direction (flat-earth is fine at these distances). */
function pointAt(from: Point, km: number): Point {
  const angle = rng.next() * 2 * Math.PI;
  const lat = from.lat + (km * Math.cos(angle)) / 111.2;
  const lon = from.lon + (km * Math.sin(angle)) / (111.2 * Math.cos((from.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}

function makeSlots(): EvalSlot[] {
  const slots: EvalSlot[] = [];
  for (let i = 0; i < 42; i++) {
    const sector = SECTOR_NAMES[i % SECTOR_NAMES.length]!;
    const type = TYPES[Math.floor(i / SECTOR_NAMES.length) % TYPES.length]!;
    const town = TOWNS[(i * 5) % TOWNS.length]!;
    const pool = SECTORS[sector]!.skills;
    const nice = rng.int(1, 3);
    const withinMonths = type === 'igu' || rng.chance(0.3) ? rng.pick([3, 6, 12]) : undefined;
    // With an allowance, A1 would accept no Danish at all; keep such slots at A2 or above.
    const spoken: Cefr = type === 'praktik' && !withinMonths ? rng.pick<Cefr>(['A1', 'A2']) : rng.pick<Cefr>(['A2', 'B1']);
    const written: Cefr = level(Math.max(1, rank(spoken) - rng.int(0, 1)))!;
    slots.push({
      id: `eval-slot-${String(i + 1).padStart(2, '0')}`,
      type,
      postalCode: town.code,
      location: { lat: town.lat, lon: town.lon },
      startDate: addDays(ASOF, rng.int(14, 75)),
      weeks: type === 'igu' ? 104 : type === 'praktik' ? rng.pick([4, 8, 13]) : rng.pick([26, 52]),
      hoursPerWeek: type === 'igu' ? rng.pick([25, 30, 37]) : rng.pick([15, 20, 25, 37]),
      positions: rng.int(1, 3),
      skills: [...pool.slice(0, 2).map((esco) => ({ esco, required: true })), ...pool.slice(2, 2 + nice).map((esco) => ({ esco, required: false }))],
      danish: withinMonths ? { spoken, written, withinMonths } : { spoken, written },
      ...(rng.chance(0.3) ? { languages: [rng.pick(OTHER_LANGUAGES)] } : {}),
      occupationUri: SECTORS[sector]!.occupation,
      sector,
    });
  }
  return slots;
}

type Archetype =
  | 'good-ideal'
  | 'good-typical'
  | 'acceptable-far'
  | 'acceptable-danish-allowance'
  | 'acceptable-plain'
  | 'acceptable-new'
  | 'wrong-missing-required'
  | 'wrong-distance'
  | 'wrong-danish'
  | 'wrong-availability'
  | 'wrong-igu-age-50'
  | 'wrong-igu-residence'
  | 'wrong-igu-20-years'
  | 'wrong-igu-age-17'
  | 'good-no-scheme-rule';

const INTENDED: Record<Archetype, Label> = {
  'good-ideal': 'good',
  'good-typical': 'good',
  'acceptable-far': 'acceptable',
  'acceptable-danish-allowance': 'acceptable',
  'acceptable-plain': 'acceptable',
  'acceptable-new': 'acceptable',
  'wrong-missing-required': 'wrong',
  'wrong-distance': 'wrong',
  'wrong-danish': 'wrong',
  'wrong-availability': 'wrong',
  'wrong-igu-age-50': 'wrong',
  'wrong-igu-residence': 'wrong',
  'wrong-igu-20-years': 'wrong',
  'wrong-igu-age-17': 'wrong',
  'good-no-scheme-rule': 'good',
};

function archetypesFor(slot: EvalSlot, index: number): Archetype[] {
  const igu: Archetype[] = ['wrong-igu-age-50', 'wrong-igu-residence', 'wrong-igu-20-years', 'wrong-igu-age-17'];
  return [
    'good-ideal',
    'good-typical',
    'acceptable-far',
    slot.danish.withinMonths ? 'acceptable-danish-allowance' : 'acceptable-plain',
    'acceptable-new',
    'wrong-missing-required',
    'wrong-distance',
    'wrong-danish',
    'wrong-availability',
    slot.type === 'igu' ? igu[index % igu.length]! : 'good-no-scheme-rule',
  ];
}

function makeCandidate(slot: EvalSlot, archetype: Archetype, id: string): EvalCandidate {
  const start = slot.startDate;
  const required = slot.skills.filter((s) => s.required).map((s) => s.esco);
  const nice = slot.skills.filter((s) => !s.required).map((s) => s.esco);
  const otherSector = SECTOR_NAMES[(SECTOR_NAMES.indexOf(slot.sector) + 1 + rng.int(0, 4)) % SECTOR_NAMES.length]!;
  const rs = rank(slot.danish.spoken);
  const rw = rank(slot.danish.written);

  // Defaults: a solid, eligible, nearby candidate; each archetype changes what it is about.
  let skills = [...required, ...nice.slice(0, Math.ceil(nice.length / 2))];
  let spoken = rs + rng.int(0, 1);
  let written = rw + rng.int(0, 1);
  let maxTravelKm = rng.pick([20, 30, 40]);
  let km = maxTravelKm * (0.1 + rng.next() * 0.4);
  let waitingDays = rng.int(15, 40);
  let availableFrom = addDays(start, -rng.int(0, 40));
  let ambitions: EvalCandidate['ambitions'] = rng.chance(0.5) ? { sectors: [slot.sector] } : undefined;
  let birthDate = addDays(addYears(start, -rng.int(20, 45)), -rng.int(0, 364));
  let arrivalDate = addDays(ASOF, -rng.int(200, 3000));
  let residenceBasis: ResidenceBasis = rng.pick<ResidenceBasis>([
    'refugee',
    'refugee',
    'family_reunified_refugee',
    'family_reunified_other',
    'ukraine_special_law',
  ]);

  switch (archetype) {
    case 'good-ideal':
      skills = [...required, ...nice];
      km = maxTravelKm * 0.1;
      waitingDays = rng.int(35, 80);
      ambitions = { occupations: [slot.occupationUri], sectors: [slot.sector] };
      break;
    case 'good-typical':
      // At the IGU age edge for IGU slots: the day before the 50th birthday.
      if (slot.type === 'igu') birthDate = addDays(addYears(start, -50), 1);
      break;
    case 'acceptable-far':
      maxTravelKm = 25;
      km = 25 * (0.75 + rng.next() * 0.2);
      waitingDays = rng.int(0, 10);
      ambitions = { sectors: [otherSector] };
      break;
    case 'acceptable-danish-allowance':
      spoken = rs - 1;
      written = rw;
      break;
    case 'acceptable-plain':
      skills = [...required];
      ambitions = { sectors: [otherSector] };
      km = maxTravelKm * 0.55;
      waitingDays = rng.int(0, 12);
      break;
    case 'acceptable-new':
      skills = [...required];
      ambitions = undefined;
      waitingDays = rng.int(0, 6);
      km = maxTravelKm * (0.3 + rng.next() * 0.25);
      break;
    case 'wrong-missing-required':
      // Tempting on everything else: near, waiting long, aims for the job.
      skills = [required[rng.int(0, required.length - 1)]!, ...nice];
      km = maxTravelKm * 0.05;
      waitingDays = rng.int(60, 120);
      ambitions = { occupations: [slot.occupationUri] };
      break;
    case 'wrong-distance':
      maxTravelKm = 15;
      km = rng.int(18, 30);
      break;
    case 'wrong-danish':
      spoken = slot.danish.withinMonths ? rs - 2 : rs - 1;
      break;
    case 'wrong-availability':
      availableFrom = addDays(start, rng.int(1, 30));
      break;
    case 'wrong-igu-age-50':
      birthDate = addYears(start, -50);
      break;
    case 'wrong-igu-residence':
      residenceBasis = 'other';
      break;
    case 'wrong-igu-20-years':
      residenceBasis = 'refugee';
      arrivalDate = addDays(addYears(start, -20), -1);
      break;
    case 'wrong-igu-age-17':
      birthDate = addDays(addYears(start, -18), 1);
      break;
    case 'good-no-scheme-rule':
      // Praktik and løntilskud have no residence or age rule.
      residenceBasis = 'other';
      birthDate = addYears(start, -rng.int(51, 60));
      ambitions = { sectors: [slot.sector] };
      waitingDays = rng.int(20, 50);
      break;
  }

  const languages: EvalCandidate['languages'] = [];
  if (spoken > 0) languages.push({ code: 'da', spoken: level(spoken)!, written: level(Math.max(1, written))! });
  languages.push({
    code: slot.languages?.[0] && rng.chance(0.5) ? slot.languages[0] : rng.pick(OTHER_LANGUAGES),
    spoken: 'C2',
    written: rng.pick<Cefr>(['A1', 'B2', 'C2']),
  });
  const town = TOWNS.find((t) => t.code === slot.postalCode)!;
  return {
    id,
    birthDate,
    residenceBasis,
    arrivalDate,
    postalCode: town.code,
    location: pointAt(slot.location, km),
    maxTravelKm,
    availableFrom,
    skills: skills.map((esco) => (rng.chance(0.4) ? { esco, years: rng.int(1, 10) } : { esco })),
    languages,
    ...(ambitions ? { ambitions } : {}),
    waitingSince: addDays(ASOF, -waitingDays),
    gender: rng.pick(['female', 'male', 'unspecified']),
    nationality: rng.pick(['SY', 'ER', 'AF', 'UA', 'SO', 'IR', 'IQ']),
  };
}

/**
 * IGU eligibility as docs/domain.md states the rules in force from 2024-01-01
 * (L 82 2023-24, scheme open to 31 Dec 2027): refugees, everyone family
 * reunified and people under the Ukrainian special law; 18 and not yet 50 on
 * the start date; up to 20 years in Denmark. Every start date of this set
 * (ASOF + 14–75 days) falls under those rules. Written here from the law's
 * table and not taken from app/rules, so that the labels judge the matcher's
 * rules instead of repeating them.
 */
const IGU_2024_BASES: readonly ResidenceBasis[] = ['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law'];
function judgeIguEligible(c: EvalCandidate, startDate: string): boolean {
  if (startDate < '2024-01-01' || startDate > '2027-12-31') throw new Error(`no IGU judge for a start on ${startDate}`);
  const age = ageOn(c.birthDate, startDate);
  return IGU_2024_BASES.includes(c.residenceBasis) && age >= 18 && age < 50 && startDate <= addYears(c.arrivalDate, 20);
}

/** Hard rules, written here independently of app/matching and app/rules. */
export function passesHardRules(slot: EvalSlot, c: EvalCandidate): boolean {
  if (slot.type === 'igu' && !judgeIguEligible(c, slot.startDate)) return false;
  if (c.availableFrom > slot.startDate) return false;
  if (distanceKm(slot.location, c.location) > c.maxTravelKm) return false;
  const da = c.languages.find((l) => l.code === 'da');
  const slack = slot.danish.withinMonths ? 1 : 0;
  if (rank(da?.spoken) < rank(slot.danish.spoken) - slack) return false;
  if (rank(da?.written) < rank(slot.danish.written) - slack) return false;
  return true;
}

function labelPair(slot: EvalSlot, c: EvalCandidate): Label {
  if (!passesHardRules(slot, c)) return 'wrong';
  const has = new Set(c.skills.map((s) => s.esco));
  if (!slot.skills.every((s) => !s.required || has.has(s.esco))) return 'wrong';
  const nice = slot.skills.filter((s) => !s.required);
  const niceShare = nice.length === 0 ? 1 : nice.filter((s) => has.has(s.esco)).length / nice.length;
  const da = c.languages.find((l) => l.code === 'da');
  const danishToday = rank(da?.spoken) >= rank(slot.danish.spoken) && rank(da?.written) >= rank(slot.danish.written);
  const near = distanceKm(slot.location, c.location) <= 0.6 * c.maxTravelKm;
  const aimsHere = Boolean(c.ambitions?.occupations?.includes(slot.occupationUri) || c.ambitions?.sectors?.includes(slot.sector));
  const aimsElsewhere = Boolean((c.ambitions?.occupations?.length || c.ambitions?.sectors?.length) && !aimsHere);
  const waited = c.waitingSince ? daysBetween(c.waitingSince, ASOF) : 0;
  if (danishToday && near && niceShare >= 0.5 && !aimsElsewhere && (waited >= 14 || aimsHere)) return 'good';
  return 'acceptable';
}

function main(): void {
  const slots = makeSlots();
  const candidates: EvalCandidate[] = [];
  const designed: Array<{ slotId: string; candidateId: string; archetype: Archetype; label: Label }> = [];
  slots.forEach((slot, si) => {
    archetypesFor(slot, si).forEach((archetype, k) => {
      const id = `eval-cand-${String(si * 10 + k + 1).padStart(3, '0')}`;
      const c = makeCandidate(slot, archetype, id);
      const label = labelPair(slot, c);
      if (label !== INTENDED[archetype]) throw new Error(`${slot.id} × ${id} (${archetype}) labelled ${label}, designed ${INTENDED[archetype]}`);
      candidates.push(c);
      designed.push({ slotId: slot.id, candidateId: id, archetype, label });
    });
  });
  // Shuffle so that file order carries no hint (Fisher–Yates, seeded).
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }

  const labels = slots.map((slot) => {
    const good: string[] = [];
    const acceptable: string[] = [];
    const eligible: string[] = [];
    for (const c of candidates) {
      if (passesHardRules(slot, c)) eligible.push(c.id);
      const label = labelPair(slot, c);
      if (label === 'good') good.push(c.id);
      else if (label === 'acceptable') acceptable.push(c.id);
    }
    const sortIds = (ids: string[]) => ids.sort();
    return {
      slotId: slot.id,
      type: slot.type,
      good: sortIds(good),
      acceptable: sortIds(acceptable),
      eligible: sortIds(eligible),
      designed: designed.filter((d) => d.slotId === slot.id).map(({ candidateId, archetype, label }) => ({ candidateId, archetype, label })),
    };
  });

  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'eval-set.json'), `${JSON.stringify({ asOf: ASOF, slots, candidates }, null, 1)}\n`);
  fs.writeFileSync(path.join(OUT_DIR, 'labels.json'), `${JSON.stringify({ asOf: ASOF, labels }, null, 1)}\n`);
  const count = (l: Label) => labels.reduce((n, s) => n + (l === 'good' ? s.good.length : l === 'acceptable' ? s.acceptable.length : 0), 0);
  process.stdout.write(
    `eval set: ${slots.length} slots, ${candidates.length} candidates, ${count('good')} good and ${count('acceptable')} acceptable pairs\n`,
  );
}

main();
