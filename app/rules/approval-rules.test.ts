import { describe, expect, it } from 'vitest';
import { type ApprovalInput, checkApproval, placementEndDate } from './approval-rules.js';
import { failures } from './verdict.js';

function input(overrides: Partial<ApprovalInput> = {}): ApprovalInput {
  return {
    slot: { id: 's1', type: 'igu', cvr: '13748136', startDate: '2026-06-01', weeks: 104, hoursPerWeek: 30 },
    candidate: {
      id: 'c1',
      birthDate: '1995-04-01',
      arrivalDate: '2021-01-01',
      residenceBasis: 'refugee',
      availableFrom: '2026-05-01',
    },
    employments: [],
    placements: [],
    workplace: { ordinaryEmployeesFte: 12, currentSupported: 0 },
    organisationStatus: 'verified',
    ...overrides,
  };
}

const failed = (i: ApprovalInput) => failures(checkApproval(i)).map((v) => v.rule);

describe('checkApproval', () => {
  it('passes a clean IGU and names a source on every verdict', () => {
    const verdicts = checkApproval(input());
    expect(failures(verdicts)).toEqual([]);
    for (const v of verdicts) expect(v.source.length).toBeGreaterThan(0);
  });

  it('checks IGU eligibility on the slot start date (age 50 that day)', () => {
    const i = input({ candidate: { ...input().candidate, birthDate: '1976-06-01' } });
    expect(failed(i)).toEqual(['igu.age']);
    const day = input({ slot: { ...input().slot, startDate: '2026-05-31' }, candidate: { ...i.candidate } });
    expect(failed(day)).toEqual([]);
  });

  it('3-month rule: ordinary employment at the same CVR ending the day before the window is fine, on its first day is not', () => {
    // Window for a 2026-06-01 start: 2026-03-01 .. 2026-05-31.
    const before = input({ employments: [{ cvr: '13748136', kind: 'ordinary', startDate: '2025-01-01', endDate: '2026-02-28' }] });
    expect(failed(before)).toEqual([]);
    const inside = input({ employments: [{ cvr: '13748136', kind: 'ordinary', startDate: '2025-01-01', endDate: '2026-03-01' }] });
    expect(failed(inside)).toEqual(['igu.no_recent_employment']);
    const ongoing = input({ employments: [{ cvr: '13748136', kind: 'ordinary', startDate: '2025-01-01', endDate: null }] });
    expect(failed(ongoing)).toContain('igu.no_recent_employment');
  });

  it('3-month rule ignores other companies and earlier praktik at the same company', () => {
    const i = input({
      employments: [
        { cvr: '99999999', kind: 'ordinary', startDate: '2026-01-01', endDate: null },
        { cvr: '13748136', kind: 'praktik', startDate: '2026-03-01', endDate: '2026-05-20' },
      ],
    });
    expect(failed(i)).toEqual([]);
  });

  it('one IGU per person', () => {
    expect(failed(input({ employments: [{ cvr: '1', kind: 'igu', startDate: '2019-01-01', endDate: '2020-01-01' }] }))).toEqual([
      'igu.one_per_person',
    ]);
    const other = input({ placements: [{ slotId: 's2', type: 'igu', startDate: '2030-01-01', endDate: '2031-12-31', status: 'planned' }] });
    expect(failed(other)).toEqual(['igu.one_per_person']);
  });

  it('overlap by exactly one day is refused; the day after is fine', () => {
    const p = input({
      slot: { id: 's1', type: 'praktik', cvr: '13748136', startDate: '2026-06-01', weeks: 8, hoursPerWeek: 20 },
    });
    const clash = {
      ...p,
      placements: [{ slotId: 's9', type: 'praktik' as const, startDate: '2026-03-01', endDate: '2026-06-01', status: 'started' as const }],
    };
    expect(failed(clash)).toEqual(['placement.overlap']);
    const adjacent = {
      ...p,
      placements: [{ slotId: 's9', type: 'praktik' as const, startDate: '2026-03-01', endDate: '2026-05-31', status: 'started' as const }],
    };
    expect(failed(adjacent)).toEqual([]);
    // The new placement's last day is start + 8 weeks − 1 day.
    const end = placementEndDate('2026-06-01', 8);
    expect(end).toBe('2026-07-26');
    const after = {
      ...p,
      placements: [{ slotId: 's9', type: 'loentilskud' as const, startDate: end, endDate: '2026-12-01', status: 'planned' as const }],
    };
    expect(failed(after)).toEqual(['placement.overlap']);
  });

  it('ratio rule applies to praktik and løntilskud at 5/6 and 50/51/60 FTE', () => {
    const praktik = { id: 's1', type: 'praktik' as const, cvr: '13748136', startDate: '2026-06-01', weeks: 8, hoursPerWeek: 20 };
    expect(failed(input({ slot: praktik, workplace: { ordinaryEmployeesFte: 5, currentSupported: 1 } }))).toEqual(['ratio_rule']);
    expect(failed(input({ slot: praktik, workplace: { ordinaryEmployeesFte: 6, currentSupported: 0 } }))).toEqual([]);
    expect(failed(input({ slot: praktik, workplace: { ordinaryEmployeesFte: 50, currentSupported: 9 } }))).toEqual([]);
    expect(failed(input({ slot: praktik, workplace: { ordinaryEmployeesFte: 51, currentSupported: 10 } }))).toEqual(['ratio_rule']);
    expect(failed(input({ slot: praktik, workplace: { ordinaryEmployeesFte: 60, currentSupported: 10 } }))).toEqual([]);
    // IGU is not under the ratio rule.
    expect(failed(input({ workplace: { ordinaryEmployeesFte: 2, currentSupported: 5 } }))).toEqual([]);
  });

  it('net job creation: løntilskud only, on the slot start date, beside the ratio rule; unanswered fails', () => {
    const loen = { ...input().slot, type: 'loentilskud' as const, weeks: 26, startDate: '2026-06-01' };
    const grown = { fteNow: 12.5, fte12mAgo: 12, fillsVacancy: false, vacatedOn: null };
    expect(failed(input({ slot: { ...loen, netJobs: grown } }))).toEqual([]);
    expect(failed(input({ slot: { ...loen, netJobs: null } }))).toEqual(['loentilskud.net_jobs_unanswered']);
    expect(failed(input({ slot: { ...loen, netJobs: { ...grown, fteNow: 12 } } }))).toEqual(['loentilskud.headcount_growth']);
    // Window for a 2026-06-01 start: vacated on or after 2026-03-01 is too recent.
    expect(failed(input({ slot: { ...loen, netJobs: { ...grown, fillsVacancy: true, vacatedOn: '2026-03-01' } } }))).toEqual([
      'loentilskud.vacated_post',
    ]);
    expect(failed(input({ slot: { ...loen, netJobs: { ...grown, fillsVacancy: true, vacatedOn: '2026-02-28' } } }))).toEqual([]);
    expect(
      failed(
        input({ slot: { ...loen, netJobs: { ...grown, fteNow: 5, fte12mAgo: 5 } }, workplace: { ordinaryEmployeesFte: 5, currentSupported: 1 } }),
      ),
    ).toEqual(['ratio_rule', 'loentilskud.headcount_growth']);
    // Praktik is not asked.
    expect(failed(input({ slot: { ...loen, type: 'praktik', weeks: 8, netJobs: null } }))).toEqual([]);
  });

  it('refuses an unverified or suspended employer and a candidate not yet available', () => {
    expect(failed(input({ organisationStatus: 'unverified' }))).toEqual(['employer.verified']);
    expect(failed(input({ organisationStatus: 'suspended' }))).toEqual(['employer.verified']);
    expect(failed(input({ candidate: { ...input().candidate, availableFrom: '2026-06-02' } }))).toEqual(['candidate.available']);
  });

  it('checks slot terms too (IGU of 52 weeks)', () => {
    expect(failed(input({ slot: { ...input().slot, weeks: 52 } }))).toEqual(['igu.duration']);
  });
});
