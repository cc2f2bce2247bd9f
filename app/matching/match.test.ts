import { describe, expect, it } from 'vitest';
import type { Cefr } from '../../db/schema.js';
import { InvalidInput } from '../lib/errors.js';
import { createRng, type Rng } from '../../db/seed/random.js';
import { renderReason } from './explain.js';
import { matchSlot, offersForCandidate, prepareSlot, rankOffersForCandidate } from './match.js';
import { DEFAULT_WEIGHTS } from './score.js';
import type { MatchCandidate, MatchSlot } from './types.js';

const DISH = 'http://data.europa.eu/esco/skill/f20aedf0-6543-498d-b88e-0a32e604acbb'; // operate dishwashing machine
const HYGIENE = 'http://data.europa.eu/esco/skill/a34f4fd4-1aff-4941-82d5-542ac94f81c3';
const FLOORS = 'http://data.europa.eu/esco/skill/a2cd3b30-2d6c-473e-a5d4-4e7cb576babe';
const LOCAL = 'urn:jobbro:skill:not-in-esco';
const AABENRAA = { lat: 55.044, lon: 9.418 };
const SOENDERBORG = { lat: 54.909, lon: 9.792 };
const ASOF = '2026-03-01';

function slot(overrides: Partial<MatchSlot> = {}): MatchSlot {
  return {
    id: 'slot-1',
    type: 'praktik',
    location: AABENRAA,
    startDate: '2026-04-01',
    weeks: 13,
    hoursPerWeek: 25,
    positions: 1,
    skills: [
      { esco: DISH, required: true },
      { esco: HYGIENE, required: true },
      { esco: FLOORS, required: false },
    ],
    danish: { spoken: 'A2', written: 'A1' },
    ...overrides,
  };
}

function candidate(id: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id,
    birthDate: '1992-05-05',
    residenceBasis: 'refugee',
    arrivalDate: '2023-01-10',
    location: AABENRAA,
    maxTravelKm: 40,
    availableFrom: '2026-03-15',
    skills: [{ esco: DISH }, { esco: HYGIENE }],
    languages: [{ code: 'da', spoken: 'A2', written: 'A2' }],
    waitingSince: '2026-02-01',
    ...overrides,
  };
}

const da = (spoken: Cefr, written: Cefr) => [{ code: 'da', spoken, written }];

describe('matchSlot hard rules', () => {
  it('excludes a candidate farther than their own travel limit, not one just within it', () => {
    const r = matchSlot(
      slot(),
      [candidate('near', { location: SOENDERBORG, maxTravelKm: 30 }), candidate('far', { location: SOENDERBORG, maxTravelKm: 20 })],
      { asOf: ASOF },
    );
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['near']);
    expect(r.excluded).toMatchObject([{ candidateId: 'far', rule: 'distance' }]);
    expect(r.excluded[0]!.reason).toMatch(/beyond the candidate's limit of 20 km/);
  });

  it('excludes a candidate available only after the start date; the start date itself is fine', () => {
    const r = matchSlot(slot(), [candidate('on-day', { availableFrom: '2026-04-01' }), candidate('late', { availableFrom: '2026-04-02' })], {
      asOf: ASOF,
    });
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['on-day']);
    expect(r.excluded).toMatchObject([{ candidateId: 'late', rule: 'availability' }]);
  });

  it('treats Danish as a hard constraint, spoken and written separately', () => {
    const s = slot({ danish: { spoken: 'B1', written: 'A2' } });
    const r = matchSlot(
      s,
      [
        candidate('ok', { languages: da('B1', 'A2') }),
        candidate('spoken-low', { languages: da('A2', 'B2') }),
        candidate('written-low', { languages: da('C1', 'A1') }),
        candidate('none', { languages: [{ code: 'ar', spoken: 'C2', written: 'C2' }] }),
      ],
      { asOf: ASOF },
    );
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['ok']);
    expect(Object.fromEntries(r.excluded.map((e) => [e.candidateId, e.rule]))).toEqual({
      'spoken-low': 'danish.spoken',
      'written-low': 'danish.written',
      none: 'danish.spoken',
    });
  });

  it('withinMonths accepts exactly one CEFR step below, and scores it below meeting the level', () => {
    const s = slot({ danish: { spoken: 'B1', written: 'B1', withinMonths: 6 } });
    const r = matchSlot(
      s,
      [
        candidate('meets', { languages: da('B1', 'B1') }),
        candidate('one-below', { languages: da('A2', 'A2') }),
        candidate('two-below', { languages: da('A1', 'A2') }),
      ],
      { asOf: ASOF },
    );
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['meets', 'one-below']);
    expect(r.ranked[1]!.components.danish).toBe(0.5);
    expect(r.ranked[1]!.reasons.map((x) => x.code)).toContain('danish.within_months');
    expect(r.excluded).toMatchObject([{ candidateId: 'two-below', rule: 'danish.spoken' }]);
  });

  it('checks IGU eligibility on the start date and names the rule and source', () => {
    const s = slot({ type: 'igu', weeks: 104, startDate: '2026-06-01' });
    const r = matchSlot(
      s,
      [
        candidate('49', { birthDate: '1976-06-02' }),
        candidate('50', { birthDate: '1976-06-01' }),
        candidate('other-basis', { residenceBasis: 'other' }),
      ],
      { asOf: ASOF },
    );
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['49']);
    expect(r.excluded.map((e) => [e.candidateId, e.rule, e.source])).toEqual([
      ['50', 'igu.age', 'L 82 2023-24'],
      ['other-basis', 'igu.residence_basis', 'L 82 2023-24'],
    ]);
  });

  it('uses a precomputed IGU window (from the search index) instead of the person facts', () => {
    const s = slot({ type: 'igu', weeks: 104, startDate: '2026-06-01' });
    const { birthDate: _b, arrivalDate: _a, residenceBasis: _r, ...facts } = candidate('x');
    const r = matchSlot(
      s,
      [
        { ...facts, id: 'in', iguWindow: { from: '2026-03-01', until: '2026-06-01' } },
        { ...facts, id: 'ends-before', iguWindow: { from: '2026-03-01', until: '2026-05-31' } },
        { ...facts, id: 'never', iguWindow: null },
        { ...facts, id: 'unknown' },
      ],
      { asOf: ASOF },
    );
    expect(r.ranked.map((p) => p.candidateId)).toEqual(['in']);
    expect(r.excluded.map((e) => [e.candidateId, e.rule])).toEqual([
      ['ends-before', 'igu.window'],
      ['never', 'igu.window'],
      ['unknown', 'igu.unknown'],
    ]);
  });

  it('praktik and løntilskud have no residence or age rule', () => {
    for (const type of ['praktik', 'loentilskud'] as const) {
      const r = matchSlot(slot({ type }), [candidate('x', { residenceBasis: 'other', birthDate: '1960-01-01' })], { asOf: ASOF });
      expect(r.ranked).toHaveLength(1);
    }
  });
});

describe('matchSlot scoring', () => {
  it('gives every component in [0, 1], a score in [0, 100], and reasons in English and Danish', () => {
    const r = matchSlot(
      slot({ languages: ['ar'] }),
      [candidate('a', { waitingSince: '2026-01-15', languages: [...da('B1', 'A2'), { code: 'ar', spoken: 'C2', written: 'C1' }] })],
      { asOf: ASOF },
    );
    const pair = r.ranked[0]!;
    for (const v of Object.values(pair.components)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.score).toBeLessThanOrEqual(100);
    const codes = pair.reasons.map((x) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(['skills.required_all', 'skills.nice_covered', 'danish.meets', 'distance.km', 'waiting.overdue', 'languages.shared']),
    );
    for (const reason of pair.reasons) {
      expect(renderReason(reason, 'en').length).toBeGreaterThan(5);
      expect(renderReason(reason, 'da').length).toBeGreaterThan(5);
    }
  });

  it('matches a skill outside the ESCO taxonomy by identity', () => {
    const s = slot({ skills: [{ esco: LOCAL, required: true }] });
    const r = matchSlot(s, [candidate('has', { skills: [{ esco: LOCAL }] }), candidate('lacks', { skills: [{ esco: DISH }] })], { asOf: ASOF });
    expect(r.ranked.map((p) => [p.candidateId, p.hasAllRequired])).toEqual([
      ['has', true],
      ['lacks', false],
    ]);
    expect(renderReason(r.ranked[1]!.reasons[0]!)).toContain(LOCAL);
  });

  it('ranks a closer, longer-waiting candidate with the right ambition higher, all else equal', () => {
    const s = slot({ occupationUri: 'http://data.europa.eu/esco/occupation/f756fdab-7726-4c48-bfcc-94ff8810fc08', sector: 'kitchen' });
    const base = candidate('base', { location: SOENDERBORG });
    const r = matchSlot(
      s,
      [
        base,
        candidate('closer', { location: AABENRAA }),
        candidate('waited', { location: SOENDERBORG, waitingSince: '2025-10-01' }),
        candidate('ambition', { location: SOENDERBORG, ambitions: { sectors: ['kitchen'] } }),
        candidate('elsewhere', { location: SOENDERBORG, ambitions: { sectors: ['care'] } }),
      ],
      { asOf: ASOF },
    );
    const score = Object.fromEntries(r.ranked.map((p) => [p.candidateId, p.score]));
    expect(score.closer).toBeGreaterThan(score.base!);
    expect(score.waited).toBeGreaterThan(score.base!);
    expect(score.ambition).toBeGreaterThan(score.base!);
    expect(score.elsewhere).toBeLessThan(score.base!);
  });

  it('waiting rises towards and past 30 days', () => {
    const ids = ['d0', 'd15', 'd30', 'd60', 'd120'];
    const since = ['2026-03-01', '2026-02-14', '2026-01-30', '2025-12-31', '2025-11-01'];
    const r = matchSlot(
      slot(),
      ids.map((id, i) => candidate(id, { waitingSince: since[i] })),
      { asOf: ASOF },
    );
    const w = Object.fromEntries(r.ranked.map((p) => [p.candidateId, p.components.waiting]));
    expect(w.d0).toBe(0);
    expect(w.d15).toBeLessThan(w.d30!);
    expect(w.d30).toBeCloseTo(0.75, 6);
    expect(w.d60).toBeGreaterThan(w.d30!);
    expect(w.d120).toBe(1);
  });

  it('honours configured weights: only distance counts', () => {
    const weights = { ...DEFAULT_WEIGHTS, requiredSkills: 0, niceSkills: 0, danish: 0, ambitions: 0, waiting: 0, languages: 0 };
    const r = matchSlot(slot(), [candidate('home'), candidate('away', { location: SOENDERBORG })], { asOf: ASOF, weights });
    expect(r.ranked[0]).toMatchObject({ candidateId: 'home', score: 100 });
  });

  it('breaks ties on the candidate id, whatever the input order', () => {
    const cs = ['c-3', 'c-1', 'c-2'].map((id) => candidate(id));
    const r1 = matchSlot(slot(), cs, { asOf: ASOF });
    const r2 = matchSlot(slot(), [...cs].reverse(), { asOf: ASOF });
    expect(r1.ranked.map((p) => p.candidateId)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(r2).toEqual(r1);
  });

  it('limits the ranked list with top', () => {
    const cs = ['a', 'b', 'c'].map((id) => candidate(id));
    expect(matchSlot(slot(), cs, { asOf: ASOF, top: 2 }).ranked).toHaveLength(2);
    expect(() => matchSlot(slot(), cs, { asOf: ASOF, top: -1 })).toThrow(RangeError);
  });

  it('refuses negative, missing or all-zero weights', () => {
    const cs = [candidate('a')];
    expect(() => matchSlot(slot(), cs, { asOf: ASOF, weights: { ...DEFAULT_WEIGHTS, distance: -1 } })).toThrow(InvalidInput);
    const zero = { requiredSkills: 0, niceSkills: 0, danish: 0, distance: 0, ambitions: 0, waiting: 0, languages: 0 };
    expect(() => matchSlot(slot(), cs, { asOf: ASOF, weights: zero })).toThrow(InvalidInput);
  });
});

describe('fairness: gender, nationality and age outside the IGU rule never move anything', () => {
  it('changes them and nothing moves', () => {
    const rng = createRng(7);
    const cs = Array.from({ length: 40 }, (_, i) => randomCandidate(rng, `c${String(i).padStart(3, '0')}`));
    for (const type of ['praktik', 'loentilskud', 'igu'] as const) {
      const s = slot({ type, weeks: type === 'igu' ? 104 : 13 });
      const before = matchSlot(s, cs, { asOf: ASOF });
      const changed = cs.map((c, i) => ({
        ...c,
        gender: i % 2 ? 'female' : 'male',
        nationality: i % 3 ? 'SY' : 'UA',
        religion: i % 2 ? 'muslim' : 'christian',
        // Age moves only within the same side of every IGU age bound.
        birthDate: type === 'igu' ? c.birthDate : `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      }));
      expect(matchSlot(s, changed, { asOf: ASOF })).toEqual(before);
    }
  });
});

function randomCandidate(rng: Rng, id: string): MatchCandidate {
  const levels: Cefr[] = ['A1', 'A2', 'B1', 'B2'];
  const pool = [DISH, HYGIENE, FLOORS, LOCAL];
  return candidate(id, {
    location: { lat: 55.044 + (rng.next() - 0.5) * 0.6, lon: 9.418 + (rng.next() - 0.5) * 0.8 },
    maxTravelKm: rng.int(5, 60),
    availableFrom: rng.chance(0.9) ? '2026-03-01' : '2026-05-01',
    skills: pool.filter(() => rng.chance(0.6)).map((esco) => ({ esco })),
    languages: da(rng.pick(levels), rng.pick(levels)),
    waitingSince: rng.chance(0.8) ? `2026-0${rng.int(1, 2)}-${String(rng.int(10, 28))}` : null,
    ambitions: rng.chance(0.5) ? { sectors: [rng.pick(['kitchen', 'cleaning', 'care'])] } : undefined,
  });
}

describe('property: a candidate missing a must-have ranks below every eligible candidate who has them all', () => {
  it('holds over 300 random slots and candidate pools (seeded)', () => {
    const rng = createRng(20260301);
    for (let round = 0; round < 300; round++) {
      const s = slot({
        id: `s${round}`,
        skills: [DISH, HYGIENE, FLOORS, LOCAL].filter(() => rng.chance(0.6)).map((esco) => ({ esco, required: rng.chance(0.6) })),
        danish: { spoken: rng.pick<Cefr>(['A1', 'A2', 'B1']), written: rng.pick<Cefr>(['A1', 'A2']), withinMonths: rng.chance(0.3) ? 6 : null },
      });
      const cs = Array.from({ length: rng.int(0, 40) }, (_, i) => randomCandidate(rng, `c${i}`));
      const weights = rng.chance(0.5) ? DEFAULT_WEIGHTS : { ...DEFAULT_WEIGHTS, requiredSkills: 0, distance: 80 };
      const { ranked, excluded } = matchSlot(s, cs, { asOf: ASOF, weights });
      expect(ranked.length + excluded.length).toBe(cs.length);
      const required = s.skills.filter((k) => k.required).map((k) => k.esco);
      const hasAll = (id: string) => {
        const c = cs.find((x) => x.id === id)!;
        return required.every((uri) => c.skills.some((k) => k.esco === uri));
      };
      const firstMissing = ranked.findIndex((p) => !hasAll(p.candidateId));
      if (firstMissing >= 0) for (const p of ranked.slice(firstMissing)) expect(hasAll(p.candidateId)).toBe(false);
      for (let i = 1; i < ranked.length; i++) {
        const a = ranked[i - 1]!;
        const b = ranked[i]!;
        if (a.hasAllRequired === b.hasAllRequired) {
          expect(a.score > b.score || (a.score === b.score && a.candidateId < b.candidateId)).toBe(true);
        }
      }
    }
  });
});

describe('offersForCandidate', () => {
  it('ranks slots for a candidate with the same rules', () => {
    const c = candidate('c1');
    const slots = [
      slot({ id: 'b' }),
      slot({ id: 'a' }),
      slot({ id: 'far', location: { lat: 57.048, lon: 9.919 } }),
      slot({ id: 'hard', skills: [{ esco: LOCAL, required: true }] }),
    ];
    const r = offersForCandidate(c, slots, { asOf: ASOF });
    expect(r.ranked.map((o) => o.slotId)).toEqual(['a', 'b', 'hard']);
    expect(r.excluded).toMatchObject([{ slotId: 'far', rule: 'distance' }]);
  });
});

describe('rankOffersForCandidate', () => {
  const slots = () => [
    slot({ id: 'b' }),
    slot({ id: 'a' }),
    slot({ id: 'far', location: { lat: 57.048, lon: 9.919 } }),
    slot({
      id: 'hard',
      skills: [
        { esco: LOCAL, required: true },
        { esco: DISH, required: true },
      ],
    }),
    slot({ id: 'near', location: SOENDERBORG, danish: { spoken: 'B1', written: null, withinMonths: 6 } }),
    slot({ id: 'igu-old', type: 'igu' }),
  ];
  const people = [
    candidate('c1'),
    candidate('c2', { location: SOENDERBORG, skills: [{ esco: HYGIENE }], maxTravelKm: 300 }),
    candidate('c3', { birthDate: '1960-01-01', languages: da('B2', 'B1') }),
  ];

  it('ranks and excludes exactly as offersForCandidate, and explains each offer the same way on demand', () => {
    const seen = { ranked: 0, excluded: 0, lacking: 0 };
    for (const c of people) {
      const full = offersForCandidate(c, slots(), { asOf: ASOF });
      seen.ranked += full.ranked.length;
      seen.excluded += full.excluded.length;
      seen.lacking += full.ranked.filter((o) => !o.hasAllRequired).length;
      const scored = rankOffersForCandidate(c, slots().map(prepareSlot), { asOf: ASOF });
      expect(scored.ranked.map((o) => o.slotId)).toEqual(full.ranked.map((o) => o.slotId));
      expect(scored.excluded).toEqual(full.excluded);
      expect(scored.ranked.map((o) => o.explain())).toEqual(full.ranked);
      for (const [i, offer] of scored.ranked.entries()) {
        expect([offer.score, offer.hasAllRequired]).toEqual([full.ranked[i]!.score, full.ranked[i]!.hasAllRequired]);
        // The km the offers page shows without reasons is the one the reasons give.
        expect(full.ranked[i]!.reasons.find((r) => r.code === 'distance.km')?.params.km).toBe(offer.km);
      }
    }
    // The cases above cover offers with and without every must-have, and exclusions.
    expect(seen.ranked).toBeGreaterThan(6);
    expect(seen.excluded).toBeGreaterThan(1);
    expect(seen.lacking).toBeGreaterThan(1);
  });

  it('explains an offer correctly after the same prepared slot was scored for someone else', () => {
    // The offers page keeps prepared slots across requests and explains only the offers it shows, later.
    const prepared = [
      prepareSlot(
        slot({
          id: 'hard',
          skills: [
            { esco: LOCAL, required: true },
            { esco: DISH, required: true },
          ],
        }),
      ),
    ];
    const lacking = rankOffersForCandidate(candidate('lacks'), prepared, { asOf: ASOF }).ranked[0]!;
    const hasAll = rankOffersForCandidate(candidate('has', { skills: [{ esco: LOCAL }, { esco: DISH }] }), prepared, { asOf: ASOF }).ranked[0]!;
    expect(lacking.explain().reasons[0]).toEqual({ code: 'skills.missing_required', params: { missing: 1, total: 2, skills: LOCAL } });
    expect(hasAll.explain().reasons[0]).toEqual({ code: 'skills.required_all', params: { total: 2 } });
    expect(lacking.explain()).toEqual(offersForCandidate(candidate('lacks'), [prepared[0]!.slot], { asOf: ASOF }).ranked[0]);
  });

  it('keeps the best `top` and refuses a bad `top` as offersForCandidate does', () => {
    const scored = rankOffersForCandidate(candidate('c1'), slots().map(prepareSlot), { asOf: ASOF, top: 2 });
    expect(scored.ranked.map((o) => o.slotId)).toEqual(
      offersForCandidate(candidate('c1'), slots(), { asOf: ASOF })
        .ranked.slice(0, 2)
        .map((o) => o.slotId),
    );
    expect(() => rankOffersForCandidate(candidate('c1'), [], { asOf: ASOF, top: -1 })).toThrow(RangeError);
  });
});
