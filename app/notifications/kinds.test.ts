import { describe, expect, it } from 'vitest';
import { isMailMode, kindsFor, mailModeFor, nameForEmployer, recipientLanguage } from './kinds.js';
import { retryDelayMs } from './delivery.server.js';

describe('notification kinds', () => {
  it('mail decisions and invitations right away and new offers as a daily digest unless the person chose otherwise', () => {
    expect(mailModeFor('interview_invited', new Map())).toBe('immediate');
    expect(mailModeFor('match_approved', new Map())).toBe('immediate');
    expect(mailModeFor('company_verified', new Map())).toBe('immediate');
    expect(mailModeFor('new_offers', new Map())).toBe('digest');
    expect(mailModeFor('new_offers', new Map([['new_offers', 'off']]))).toBe('off');
  });

  it('gives each role only its own kinds', () => {
    expect(kindsFor('candidate')).toContain('interview_invited');
    expect(kindsFor('candidate')).not.toContain('employer_invited');
    expect(kindsFor('employer')).toEqual([
      'company_verified',
      'company_suspended',
      'candidate_approved',
      'candidate_shared',
      'candidate_unshared',
      'slot_unfilled',
      'milestone_due_employer',
    ]);
    expect(kindsFor('admin')).toEqual([]);
  });

  it('accepts only the three mail modes', () => {
    expect(['immediate', 'digest', 'off'].every(isMailMode)).toBe(true);
    expect(isMailMode('hourly')).toBe(false);
    expect(isMailMode(undefined)).toBe(false);
  });

  it("writes in the recipient's language: Arabic and Ukrainian for candidates, English for others who chose them, Danish without a choice", () => {
    expect(recipientLanguage('candidate', 'ar')).toBe('ar');
    expect(recipientLanguage('candidate', 'uk')).toBe('uk');
    expect(recipientLanguage('employer', 'ar')).toBe('en');
    expect(recipientLanguage('consultant', 'en')).toBe('en');
    expect(recipientLanguage('employer', null)).toBe('da');
  });

  it('names the candidate to an employer only while they share', () => {
    expect(nameForEmployer({ fullName: 'Amal Haddad', shared: true })).toBe('Amal Haddad');
    expect(nameForEmployer({ fullName: 'Amal Haddad', shared: false })).toBeNull();
  });
});

describe('the back-off between mail attempts', () => {
  it('doubles from 30 seconds and stops growing at an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(50)).toBe(3_600_000);
  });

  it('refuses a count that is not a whole number from 1', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});
