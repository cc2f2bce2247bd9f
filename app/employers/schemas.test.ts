import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../lib/form-submission.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { companySignupSchema, cvrErrorKey, danishRequirement, slotInputSchema, workplaceSchema, type SlotInput } from './schemas.js';

const skills = getTaxonomy().skills;
const WORKPLACE_ID = '6f1c1c1e-1111-4c4c-8888-123456789abc';

function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]));
}

describe('CVR', () => {
  it.each(['13748136', '10150817', 'DK 13 74 81 36', '13-74-81-36'])('accepts %s', (cvr) => {
    expect(cvrErrorKey(cvr)).toBeNull();
  });
  it.each([
    ['13748137', 'cvrChecksum'],
    ['13748163', 'cvrChecksum'],
    ['12345678', 'cvrChecksum'],
    ['1374813', 'cvrFormat'],
    ['137481366', 'cvrFormat'],
    ['01374813', 'cvrFormat'],
    ['1374813a', 'cvrFormat'],
    ['', 'cvrFormat'],
  ])('refuses %s with %s', (cvr, key) => {
    expect(cvrErrorKey(cvr)).toBe(key);
  });
});

describe('workplace', () => {
  const valid = { pNumber: '1012345678', workplaceName: 'Kantinen', address: 'Storegade 1', postalCode: '6200', employeesFte: 12.5 };
  it('accepts a P-number of 10 digits without a checksum, and normalises spaces', () => {
    expect(workplaceSchema.parse({ ...valid, pNumber: '10 1234 5678' }).pNumber).toBe('1012345678');
    expect(workplaceSchema.safeParse({ ...valid, pNumber: '1999999999' }).success).toBe(true);
  });
  it.each(['101234567', '10123456789', 'P1012345678', ''])('refuses the P-number %j', (pNumber) => {
    expect(issuesOf(workplaceSchema.safeParse({ ...valid, pNumber }))).toEqual({ pNumber: expect.stringMatching(/pNumberFormat|required/) });
  });
  it('checks the postal code form and that it exists', () => {
    expect(issuesOf(workplaceSchema.safeParse({ ...valid, postalCode: '620' }))).toEqual({ postalCode: 'postalCodeFormat' });
    expect(issuesOf(workplaceSchema.safeParse({ ...valid, postalCode: '0000' }))).toEqual({ postalCode: 'postalCodeUnknown' });
    expect(workplaceSchema.safeParse({ ...valid, postalCode: ' 6200 ' }).success).toBe(true);
  });
  it('refuses a negative number of employees', () => {
    expect(issuesOf(workplaceSchema.safeParse({ ...valid, employeesFte: -1 }))).toEqual({ employeesFte: 'fte' });
  });
});

describe('company sign-up', () => {
  const form = {
    cvr: '13748136',
    companyName: 'Kantinen Aabenraa ApS',
    contactName: 'Mette Hansen',
    email: 'Mette@Kantinen.dk',
    password: 'long enough password',
    passwordRepeat: 'long enough password',
    pNumber: '1012345678',
    workplaceName: 'Kantinen',
    address: 'Storegade 1',
    postalCode: '6200',
    employeesFte: 12,
  };
  it('parses a valid sign-up and lower-cases the e-mail', () => {
    expect(companySignupSchema.parse(form)).toMatchObject({ cvr: '13748136', email: 'mette@kantinen.dk' });
  });
  it('names every bad field with its own message', () => {
    const issues = issuesOf(
      companySignupSchema.safeParse({
        ...form,
        cvr: '13748137',
        companyName: '',
        email: 'nope',
        password: 'short',
        passwordRepeat: 'other',
        postalCode: '99',
      }),
    );
    expect(issues).toMatchObject({
      cvr: 'cvrChecksum',
      companyName: 'required',
      email: 'email',
      password: 'passwordShort',
      postalCode: 'postalCodeFormat',
    });
  });
  it('parses form data with Conform (strings coerced to numbers)', () => {
    const data = new FormData();
    for (const [key, value] of Object.entries(form)) data.set(key, String(value));
    const submission = parseWithZod(data, { schema: companySignupSchema });
    expect(submission.status).toBe('success');
  });
});

describe('slot rules per scheme', () => {
  const igu: SlotInput = {
    type: 'igu',
    workplaceId: WORKPLACE_ID,
    title: 'Køkkenmedhjælper',
    description: '',
    mustSkills: [skills[0]!.uri],
    niceSkills: [skills[1]!.uri],
    languages: ['ar'],
    positions: 1,
    startDate: '2027-02-01',
    weeks: 104,
    hoursPerWeek: 30,
    mentor: true,
    payBasis: 'EGU-sats efter overenskomst',
    danishSpoken: 'B1',
    danishWithinMonths: 6,
  };
  const parse = (overrides: Partial<SlotInput>) => slotInputSchema.safeParse({ ...igu, ...overrides });

  it('accepts a two-year IGU with 25+ hours, a pay basis and "B1 within 6 months"', () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ hoursPerWeek: 25 }).success).toBe(true);
  });
  it('IGU: exactly two years, at least 25 hours a week, pay basis required', () => {
    expect(issuesOf(parse({ weeks: 52 }))).toEqual({ weeks: 'iguDuration' });
    expect(issuesOf(parse({ hoursPerWeek: 24.5 }))).toEqual({ hoursPerWeek: 'iguHours' });
    expect(issuesOf(parse({ payBasis: undefined }))).toEqual({ payBasis: 'iguPayBasis' });
  });
  it('praktik: at most 13 weeks; no "within N months"', () => {
    const praktik = { type: 'praktik' as const, payBasis: undefined, danishWithinMonths: undefined, hoursPerWeek: 15 };
    expect(parse({ ...praktik, weeks: 13 }).success).toBe(true);
    expect(issuesOf(parse({ ...praktik, weeks: 14 }))).toEqual({ weeks: 'praktikDuration' });
    expect(issuesOf(parse({ ...praktik, weeks: 8, danishWithinMonths: 6 }))).toEqual({ danishWithinMonths: 'withinMonthsIguOnly' });
  });
  const loen = {
    type: 'loentilskud' as const,
    danishWithinMonths: undefined,
    netJobsFteNow: 12.5,
    netJobsFte12mAgo: 12,
    netJobsFillsVacancy: 'no' as const,
  };
  it('løntilskud: at most 12 months (52 weeks)', () => {
    expect(parse({ ...loen, weeks: 52 }).success).toBe(true);
    expect(issuesOf(parse({ ...loen, weeks: 53 }))).toEqual({ weeks: 'loentilskudDuration' });
  });
  it('løntilskud: each net-job-creation answer missing is an error on its own field', () => {
    const none = { netJobsFteNow: undefined, netJobsFte12mAgo: undefined, netJobsFillsVacancy: undefined };
    expect(issuesOf(parse({ ...loen, ...none, weeks: 26 }))).toEqual({
      netJobsFteNow: 'required',
      netJobsFte12mAgo: 'required',
      netJobsFillsVacancy: 'choose',
    });
    expect(issuesOf(parse({ ...loen, weeks: 26, netJobsFillsVacancy: 'yes' }))).toEqual({ netJobsVacatedOn: 'required' });
    expect(parse({ ...loen, weeks: 26, netJobsFillsVacancy: 'yes', netJobsVacatedOn: '2026-09-30' }).success).toBe(true);
    // Reported together with the other fields' problems, not only once they are right.
    expect(issuesOf(parse({ ...loen, ...none, weeks: 26, title: undefined }))).toEqual({
      title: 'required',
      netJobsFteNow: 'required',
      netJobsFte12mAgo: 'required',
      netJobsFillsVacancy: 'choose',
    });
    // Other schemes do not ask.
    expect(parse({ ...none }).success).toBe(true);
  });
  it('løntilskud: headcounts are 0..20,000 FTE with at most two decimals; the vacated day a real date', () => {
    expect(issuesOf(parse({ ...loen, weeks: 26, netJobsFteNow: -1, netJobsFte12mAgo: 20_000.01 }))).toEqual({
      netJobsFteNow: 'fte',
      netJobsFte12mAgo: 'fte',
    });
    expect(issuesOf(parse({ ...loen, weeks: 26, netJobsFteNow: 12.345 }))).toEqual({ netJobsFteNow: 'fte' });
    expect(parse({ ...loen, weeks: 26, netJobsFteNow: 0, netJobsFte12mAgo: 20_000 }).success).toBe(true);
    expect(issuesOf(parse({ ...loen, weeks: 26, netJobsFillsVacancy: 'yes', netJobsVacatedOn: '2026-02-30' }))).toEqual({
      netJobsVacatedOn: 'date',
    });
  });
  it('løntilskud answers from a form: Danish decimal commas, refusing what only Number() would read', () => {
    const form = (fteNow: string) => {
      const data = new FormData();
      for (const [key, value] of Object.entries({
        type: 'loentilskud',
        workplaceId: WORKPLACE_ID,
        title: 'Lagermedarbejder',
        positions: '1',
        startDate: '2027-02-01',
        weeks: '26',
        hoursPerWeek: '37',
        netJobsFteNow: fteNow,
        netJobsFte12mAgo: '12',
        netJobsFillsVacancy: 'no',
      }))
        data.set(key, value);
      return parseSubmission(data, slotInputSchema);
    };
    const ok = form('12,5');
    expect(ok.status).toBe('success');
    if (ok.status === 'success') expect(ok.value.netJobsFteNow).toBe(12.5);
    for (const bad of ['1e1', '0x10', 'Infinity', '12.5.1']) {
      const refused = form(bad);
      expect(refused.status === 'error' ? refused.error?.netJobsFteNow : 'accepted').toEqual(['fte']);
    }
    const empty = form('');
    expect(empty.status === 'error' ? empty.error?.netJobsFteNow : 'accepted').toEqual(['required']);
  });
  it('refuses unknown skills, languages and occupations, and a skill both must-have and nice-to-have', () => {
    expect(issuesOf(parse({ mustSkills: ['http://data.europa.eu/esco/skill/nope'] }))).toEqual({ 'mustSkills.0': 'skillUnknown' });
    expect(issuesOf(parse({ languages: ['xx'] }))).toEqual({ 'languages.0': 'languageUnknown' });
    expect(issuesOf(parse({ occupationUri: 'http://data.europa.eu/esco/occupation/nope' }))).toEqual({ occupationUri: 'occupationUnknown' });
    expect(issuesOf(parse({ niceSkills: [skills[0]!.uri] }))).toEqual({ 'niceSkills.0': 'skillTwice' });
  });
  it('refuses bad numbers and dates with a message per field', () => {
    expect(issuesOf(parse({ positions: 0, startDate: '2027-02-30', hoursPerWeek: 60 }))).toEqual({
      positions: 'positions',
      startDate: 'date',
      hoursPerWeek: 'hours',
    });
  });
  it('derives CEFR from danskuddannelse when no CEFR level is given', () => {
    expect(danishRequirement({ danishProgramme: 'DU2', danishModule: 6 })).toEqual({ spoken: 'B1', written: 'B1' });
    expect(danishRequirement({ danishSpoken: 'A2', danishProgramme: 'DU2', danishModule: 6 })).toEqual({ spoken: 'A2', written: null });
    expect(danishRequirement({})).toEqual({ spoken: null, written: null });
  });
  it('works with Conform form data: repeated skill fields become arrays, "on" a boolean', () => {
    const data = new FormData();
    data.set('type', 'igu');
    data.set('workplaceId', WORKPLACE_ID);
    data.set('title', 'Køkkenmedhjælper');
    data.append('mustSkills', skills[0]!.uri);
    data.append('mustSkills', skills[2]!.uri);
    data.set('positions', '2');
    data.set('startDate', '2027-02-01');
    data.set('weeks', '104');
    data.set('hoursPerWeek', '30');
    data.set('mentor', 'on');
    data.set('payBasis', 'Overenskomst');
    const submission = parseWithZod(data, { schema: slotInputSchema });
    expect(submission.status).toBe('success');
    if (submission.status === 'success') {
      expect(submission.value).toMatchObject({ mustSkills: [skills[0]!.uri, skills[2]!.uri], positions: 2, mentor: true, niceSkills: [] });
    }
  });
});
