import { describe, expect, it } from 'vitest';
import { facetAndFilter, requiredSkillFit, type OfferCard } from './offers.js';
import { profileStrength, type StrengthInput } from './strength.js';

const empty: StrengthInput = {
  skills: [],
  occupations: [],
  education: null,
  danishProgramme: null,
  otherLanguages: 0,
  postalCode: '6200',
  maxTravelKm: 25,
  availableFrom: '2026-03-01',
  hoursPerWeek: null,
  ambitionSectors: [],
  ambitionOccupations: [],
  ambitionNote: null,
};

describe('profile strength', () => {
  it('names what is missing, in step order', () => {
    const strength = profileStrength(empty);
    expect(strength.missing).toEqual(['skills', 'skillsDetail', 'experience', 'danish', 'otherLanguages', 'hours', 'ambitions']);
    expect(strength.percent).toBe(20);
    expect(strength.level).toBe('weak');
  });

  it('counts a long training path written in their own words as an ambition', () => {
    const strength = profileStrength({ ...empty, ambitionNote: 'Syv måneders webudvikleruddannelse hos HackYourFuture' });
    expect(strength.missing).not.toContain('ambitions');
  });

  it('reaches 100 with everything filled in', () => {
    const skill = { years: 2, learned_where: 'abroad' };
    const strength = profileStrength({
      ...empty,
      skills: [skill, skill, skill],
      education: 'Gymnasium',
      danishProgramme: 'DU2',
      otherLanguages: 1,
      hoursPerWeek: 30,
      ambitionSectors: ['kitchen'],
    });
    expect(strength).toEqual({ percent: 100, missing: [], level: 'strong' });
  });
});

const card = (slotId: string, type: OfferCard['type'], sector: string | null, municipalityCode: string): OfferCard => ({
  slotId,
  title: slotId,
  type,
  sector,
  municipalityCode,
  startDate: '2026-04-01',
  weeks: 4,
  hoursPerWeek: 30,
  score: 0.5,
  hasAllRequired: true,
  km: 3,
  requiredHave: [],
  requiredLack: [],
  reasons: [],
});

describe('offer facets', () => {
  const cards = [card('a', 'igu', 'kitchen', '580'), card('b', 'praktik', 'kitchen', '540'), card('c', 'praktik', 'cleaning', '580')];

  it('counts each dimension with the other choices applied, then narrows the list', () => {
    const { offers, facets } = facetAndFilter(cards, { type: ['praktik'], sector: undefined, municipality: '580' });
    expect(offers.map((o) => o.slotId)).toEqual(['c']);
    expect(facets.type).toEqual({ igu: 1, praktik: 1 });
    expect(facets.municipality).toEqual({ '580': 1, '540': 1 });
    expect(facets.sector).toEqual({ cleaning: 1 });
  });

  it('splits must-have skills into had and lacking', () => {
    expect(requiredSkillFit(['x', 'y', 'z'], ['y', 'q'])).toEqual({ have: ['y'], lack: ['x', 'z'] });
  });
});
