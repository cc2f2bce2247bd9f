import { describe, expect, it } from 'vitest';
import {
  candidatesByStage,
  countBy,
  daysToFirstOffer,
  decisionSummary,
  employersActive,
  median,
  ordinaryWorkShare,
  type CandidateFact,
} from './kpi.js';

const base: Omit<CandidateFact, 'candidateId'> = {
  municipalityCode: '580',
  registeredOn: '2026-01-01',
  arrivalDate: '2022-01-01',
  hasProposal: false,
  firstOfferOn: null,
  placementStatus: null,
  outcome: null,
  ordinaryWorkFrom: null,
};
const fact = (id: string, over: Partial<CandidateFact>): CandidateFact => ({ ...base, candidateId: id, ...over });

// Six candidates, today 2026-03-02. Hand-computed figures below.
const TODAY = '2026-03-02';
const facts: CandidateFact[] = [
  // a: registered 2026-01-01, nothing yet → registered; waited 60 days > 30.
  fact('a', {}),
  // b: proposal only, registered 2026-02-20 → proposed; waited 10 days.
  fact('b', { hasProposal: true, registeredOn: '2026-02-20' }),
  // c: approved after 14 days.
  fact('c', { hasProposal: true, firstOfferOn: '2026-01-15' }),
  // d: in placement, offer after 30 days.
  fact('d', { hasProposal: true, firstOfferOn: '2026-01-31', placementStatus: 'started' }),
  // e: ordinary job; offer after 45 days; arrived 2021-06-01, work from 2024-05-01 (within 3 years, not 1).
  fact('e', {
    hasProposal: true,
    firstOfferOn: '2026-02-15',
    placementStatus: 'completed',
    outcome: 'ordinary_job',
    arrivalDate: '2021-06-01',
    ordinaryWorkFrom: '2024-05-01',
  }),
  // f: placement ended, back to programme; offer after 70 days (registered 2025-10-01 → 2025-12-10);
  //    arrived 2025-06-01 (less than 1 year ago: not counted); had ordinary work once.
  fact('f', {
    hasProposal: true,
    registeredOn: '2025-10-01',
    firstOfferOn: '2025-12-10',
    placementStatus: 'ended_early',
    outcome: 'back_to_programme',
    arrivalDate: '2025-06-01',
    ordinaryWorkFrom: '2025-08-01',
  }),
];

describe('key figures on a known data set', () => {
  it('counts candidates by stage', () => {
    expect(candidatesByStage(facts)).toEqual([
      { key: 'registered', value: 1 },
      { key: 'proposed', value: 1 },
      { key: 'approved', value: 1 },
      { key: 'in_placement', value: 1 },
      { key: 'placement_ended', value: 1 },
      { key: 'ordinary_job', value: 1 },
      { key: 'education', value: 0 },
    ]);
  });

  it('days from registration to the first offer: 14, 30, 45, 70', () => {
    const figures = daysToFirstOffer(facts, TODAY);
    expect(figures.total).toBe(4);
    expect(figures.median).toBe(37.5);
    expect(figures.withinGoal).toBe(2);
    expect(figures.waitingOverGoal).toBe(1);
    expect(figures.buckets).toEqual([
      { key: '0-14', value: 1 },
      { key: '15-30', value: 1 },
      { key: '31-60', value: 1 },
      { key: '61+', value: 1 },
      { key: 'waiting', value: 1 },
    ]);
  });

  it('share in ordinary work 1 and 3 years after arrival', () => {
    // Arrived ≥ 3 years ago (on or before 2023-03-02): a, b, c, d (2022-01-01) and e (2021-06-01) → 5; in work by then: e (2024-05-01 ≤ 2024-06-01).
    expect(ordinaryWorkShare(facts, TODAY, 3)).toEqual({ eligible: 5, inWork: 1, share: 0.2 });
    // Arrived ≥ 1 year ago: the same five (f arrived 2025-06-01); in work within 1 year: nobody (e's 1-year mark is 2022-06-01).
    expect(ordinaryWorkShare(facts, TODAY, 1)).toEqual({ eligible: 5, inWork: 0, share: 0 });
    expect(ordinaryWorkShare([], TODAY, 3).share).toBeNull();
  });

  it('the 3-year mark is inclusive', () => {
    const onTheDay = fact('x', { arrivalDate: '2023-03-02', ordinaryWorkFrom: '2026-03-02' });
    expect(ordinaryWorkShare([onTheDay], TODAY, 3)).toEqual({ eligible: 1, inWork: 1, share: 1 });
    expect(ordinaryWorkShare([fact('y', { arrivalDate: '2023-03-03' })], TODAY, 3).eligible).toBe(0);
  });

  it('counts placements and decisions', () => {
    expect(countBy([{ s: 'kitchen' }, { s: null }, { s: 'kitchen' }, { s: 'care' }], (r) => r.s, 'unknown')).toEqual([
      { key: 'kitchen', value: 2 },
      { key: 'care', value: 1 },
      { key: 'unknown', value: 1 },
    ]);
    expect(
      decisionSummary([
        { decision: 'approved', rejectReason: null },
        { decision: 'rejected', rejectReason: 'distance' },
        { decision: 'approved', rejectReason: null },
      ]),
    ).toEqual([
      { key: 'approved', value: 2 },
      { key: 'distance', value: 1 },
    ]);
    expect(
      employersActive(
        [
          { organisationId: 'o1', lastActiveOn: '2025-03-02' },
          { organisationId: 'o2', lastActiveOn: '2025-03-01' },
        ],
        '2025-03-02',
      ),
    ).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });
});
