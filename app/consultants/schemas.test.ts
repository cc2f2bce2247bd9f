import { describe, expect, it } from 'vitest';
import { addDays, addYears, todayOf } from '../lib/dates.js';
import { cohortFormSchema, placementFormSchema } from './schemas.js';

const id = '8e275949-6930-42a5-a37b-44e40cac5907';
const today = todayOf();
const fieldsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('consultant form dates', () => {
  it('takes placement dates within ten years and refuses impossible ones naming the field', () => {
    expect(placementFormSchema.safeParse({ intent: 'followUp', placementId: id, on: today }).success).toBe(true);
    for (const on of ['2023-02-30', '0000-00-00', '9999-12-31', addDays(addYears(today, 10), 1), addDays(addYears(today, -10), -1)]) {
      expect(fieldsOf(placementFormSchema.safeParse({ intent: 'complete', placementId: id, on })), on).toEqual(['on']);
    }
  });

  it('refuses a placement or course that ends before it starts, on the end field', () => {
    expect(
      fieldsOf(placementFormSchema.safeParse({ intent: 'create', proposalId: id, startDate: addDays(today, 10), endDate: addDays(today, 9) })),
    ).toEqual(['endDate']);
    expect(
      placementFormSchema.safeParse({ intent: 'create', proposalId: id, startDate: addDays(today, 10), endDate: addDays(today, 10) }).success,
    ).toBe(true);
    const course = {
      intent: 'create',
      networkId: id,
      title: 'Køkken',
      sector: 'kitchen',
      courseStart: addDays(today, 30),
      courseEnd: addDays(today, 20),
      seats: '12',
    };
    expect(fieldsOf(cohortFormSchema.safeParse(course))).toEqual(['courseEnd']);
    // A wrong start is reported on its own field only.
    expect(fieldsOf(cohortFormSchema.safeParse({ ...course, courseStart: '2026-02-30' }))).toEqual(['courseStart']);
    expect(fieldsOf(cohortFormSchema.safeParse({ ...course, courseEnd: addDays(today, 40), seats: '0x10' }))).toEqual(['seats']);
    // A mistake elsewhere in the form does not hide the order of the dates: both are named at once.
    expect(fieldsOf(cohortFormSchema.safeParse({ ...course, title: '' })).sort()).toEqual(['courseEnd', 'title']);
  });

  it('refuses a next follow-up on or before the visit, on the next follow-up', () => {
    const visit = { intent: 'followUp', placementId: id, on: today };
    expect(fieldsOf(placementFormSchema.safeParse({ ...visit, nextFollowUp: today }))).toEqual(['nextFollowUp']);
    expect(fieldsOf(placementFormSchema.safeParse({ ...visit, nextFollowUp: addDays(today, -1) }))).toEqual(['nextFollowUp']);
    expect(placementFormSchema.safeParse({ ...visit, nextFollowUp: addDays(today, 1) }).success).toBe(true);
    expect(placementFormSchema.safeParse({ ...visit, nextFollowUp: '' }).success).toBe(true);
  });
});
