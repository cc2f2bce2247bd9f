/**
 * The consultant's forms through the real Remix build (npx remix build
 * first; npm test does), posted as a browser without JavaScript would: a bad
 * value is answered 400 (a date a placement rule refuses: 422) with the
 * page, the field marked invalid and the reason beside it in Danish, what
 * was typed still in the form, and nothing stored. Pages with several forms
 * (one per employer, cohort or placement) answer in the form that was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates.js';
import { danishDateOf } from '../privacy/deadline.js';
import { seededRng } from '../../db/seed/random.js';
import { startSecurityHarness, type SecurityHarness } from '../../tests/security/harness.js';
import { addEmployer, type Employer } from '../../tests/setup/test-world.js';
import { controlsNamed, decoded, refusedAmong as refused } from '../../tests/setup/form-page.js';
import commonDa from '../i18n/locales/da/common.json';
import formsDa from '../i18n/locales/da/forms.json';
import workbenchDa from '../i18n/locales/da/workbench.json';

type Page = { status: number; html: string; location: string | null };

const invalidCount = (html: string) => (html.match(/aria-invalid="true"/g) ?? []).length;
const da = formsDa.consultant;

describe('consultant forms: a bad value is named beside its field, what was typed is kept, nothing is stored', () => {
  let harness: SecurityHarness;
  let post: (path: string, fields: Array<[string, string]>) => Promise<Page>;
  let today: string;

  beforeAll(async () => {
    harness = await startSecurityHarness();
    today = danishDateOf(harness.services.clock());
    post = async (path, fields) => {
      const answer = await harness.send(harness.world.actors.consultantA, {
        method: 'POST',
        path: path.split('?')[0]!,
        query: Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? '')),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: answer.status, html: decoded(answer.text), location: answer.location };
    };
  });
  afterAll(async () => {
    await harness?.close();
  });

  const db = () => harness.database.db;

  describe('cohorts', () => {
    const cohorts = () => db().selectFrom('cohorts').select('id').execute();
    const course = (overrides: Record<string, string>): Array<[string, string]> =>
      Object.entries({
        intent: 'create',
        networkId: harness.world.refs.networkA,
        title: 'Køkkenpakke forår',
        sector: 'kitchen',
        courseStart: addDays(today, 30),
        courseEnd: addDays(today, 60),
        seats: '12',
        ...overrides,
      });

    it('a new cohort without a title: 400, the reason beside the title, the dates and seats typed are kept', async () => {
      const before = await cohorts();
      const page = await post('/consultant/cohorts', course({ title: '   ' }));
      expect(page.status).toBe(400);
      expect(refused(page.html, 'title').message).toBe(da.cohortTitle);
      expect(controlsNamed(page.html, 'courseStart')[0]).toContain(`value="${addDays(today, 30)}"`);
      expect(controlsNamed(page.html, 'seats')[0]).toContain('value="12"');
      expect(invalidCount(page.html)).toBe(1);
      expect(await cohorts()).toHaveLength(before.length);
    });

    it('an impossible start date and a course ending before it starts: each named beside its own date, the title kept', async () => {
      const impossible = await post('/consultant/cohorts', course({ courseStart: '2026-02-30' }));
      expect(impossible.status).toBe(400);
      expect(refused(impossible.html, 'courseStart').message).toBe(da.date);
      expect(refused(impossible.html, 'courseStart').tag).toContain('value="2026-02-30"');
      expect(controlsNamed(impossible.html, 'title')[0]).toContain('value="Køkkenpakke forår"');

      const backwards = await post('/consultant/cohorts', course({ courseEnd: addDays(today, 20) }));
      expect(backwards.status).toBe(400);
      expect(refused(backwards.html, 'courseEnd').message).toBe(da.courseEndBeforeStart);
      expect(await db().selectFrom('cohorts').select('id').where('title', '=', 'Køkkenpakke forår').execute()).toEqual([]);
    });

    it('seats that are no whole number from 1 to 200 are named beside the seats', async () => {
      const page = await post('/consultant/cohorts', course({ seats: '0x10' }));
      expect(page.status).toBe(400);
      expect(refused(page.html, 'seats').message).toBe('Skriv et helt tal fra 1 til 200.');
      expect(refused(page.html, 'seats').tag).toContain('value="0x10"');
    });

    it('approving with no candidate ticked: 400 beside the candidates of that cohort only, nothing decided', async () => {
      const { cohortA, candidateA } = harness.world.refs;
      await db().insertInto('cohort_members').values({ cohort_id: cohortA, candidate_id: candidateA, score: 70 }).execute();
      const page = await post('/consultant/cohorts', [
        ['intent', 'approve'],
        ['cohortId', cohortA],
      ]);
      expect(page.status).toBe(400);
      expect(refused(page.html, 'candidateId').message).toBe(da.chooseCandidates);
      // The new-cohort form is not marked.
      expect(controlsNamed(page.html, 'title')[0]).not.toContain('aria-invalid');
      expect(await db().selectFrom('cohort_members').select('status').where('cohort_id', '=', cohortA).execute()).toEqual([{ status: 'proposed' }]);
    });

    it('a tampered cohort id or reject reason (nothing anyone types) is the error page’s 400, as before', async () => {
      for (const fields of [
        [
          ['intent', 'match'],
          ['cohortId', 'not-a-uuid'],
        ],
        [
          ['intent', 'reject'],
          ['cohortId', harness.world.refs.cohortA],
          ['candidateId', harness.world.refs.candidateA],
          ['reason', 'because'],
        ],
      ] satisfies Array<Array<[string, string]>>) {
        const page = await post('/consultant/cohorts', fields);
        expect(page.status).toBe(400);
        expect(page.html).toContain(commonDa.errors.badRequest);
        expect(invalidCount(page.html)).toBe(0);
      }
      expect(await db().selectFrom('cohort_members').select('status').where('cohort_id', '=', harness.world.refs.cohortA).execute()).toEqual([
        { status: 'proposed' },
      ]);
    });
  });

  describe('employers', () => {
    // The world's employer is verified (no verify form): one more in Aabenraa, not yet verified.
    let unverified: Employer;
    beforeAll(async () => {
      unverified = await addEmployer(
        { db: db(), rng: seededRng(31, 'consultant-forms'), today },
        { status: 'unverified', name: 'Ubekræftet Køkken ApS' },
      );
    });
    const status = async () =>
      (await db().selectFrom('organisations').select('status').where('id', '=', unverified.organisationId).executeTakeFirstOrThrow()).status;

    it('verifying without looking up the CVR: 400 beside that box, the other box stays ticked, the employer unchanged', async () => {
      const before = await status();
      const page = await post('/consultant/employers', [
        ['intent', 'verify'],
        ['organisationId', unverified.organisationId],
        ['contactConfirmed', 'on'],
      ]);
      expect(page.status).toBe(400);
      expect(refused(page.html, 'cvrChecked').message).toBe(da.confirmCheck);
      expect(controlsNamed(page.html, 'contactConfirmed')[0]).toContain('checked');
      expect(invalidCount(page.html)).toBe(1);
      expect(await status()).toBe(before);
    });

    it('suspending without a reason: 400 beside the reason of that employer’s suspend form', async () => {
      const before = await status();
      const page = await post('/consultant/employers', [
        ['intent', 'suspend'],
        ['organisationId', unverified.organisationId],
        ['note', '  '],
      ]);
      expect(page.status).toBe(400);
      expect(refused(page.html, 'note').message).toBe(da.suspendNote);
      expect(await status()).toBe(before);
    });
  });

  describe('erasure', () => {
    it('erasing without ticking the confirmation: 400 with the confirmation shown again and the reason beside the box; nothing erased', async () => {
      const registered = await post('/consultant/erasure', [
        ['intent', 'register'],
        ['candidateId', harness.world.refs.candidateA],
      ]);
      expect(registered.status).toBe(302);
      const request = await db()
        .selectFrom('erasure_requests')
        .select(['id', 'status'])
        .where('candidate_id', '=', harness.world.refs.candidateA)
        .executeTakeFirstOrThrow();
      const page = await post(`/consultant/erasure?confirm=${request.id}`, [
        ['intent', 'erase'],
        ['requestId', request.id],
      ]);
      expect(page.status).toBe(400);
      expect(refused(page.html, 'confirm').message).toBe(da.erasureConfirm);
      expect((await db().selectFrom('erasure_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow()).status).toBe(
        'requested',
      );
      // Withdrawn again, so the candidate is still there for the placements below.
      expect(
        (
          await post('/consultant/erasure', [
            ['intent', 'cancel'],
            ['requestId', request.id],
          ])
        ).status,
      ).toBe(302);
    });
  });

  describe('placements', () => {
    const placement = () =>
      db()
        .selectFrom('placements')
        .select(['status', 'started_on', 'ended_on'])
        .where('id', '=', harness.world.refs.placementA)
        .executeTakeFirstOrThrow();
    const followUps = () => db().selectFrom('placement_follow_ups').select('id').where('placement_id', '=', harness.world.refs.placementA).execute();
    const event = (intent: string, fields: Record<string, string>): Array<[string, string]> =>
      Object.entries({ intent, placementId: harness.world.refs.placementA, ...fields });

    it('an impossible start date: 400 beside the date of the start form, the typed date kept, still planned', async () => {
      const page = await post('/consultant/placements', event('start', { on: '2026-02-30' }));
      expect(page.status).toBe(400);
      expect(refused(page.html, 'on').message).toBe(da.date);
      expect(refused(page.html, 'on').tag).toContain('value="2026-02-30"');
      expect((await placement()).status).toBe('planned');
    });

    it('a start tomorrow: the Danish rule beside the date (422), nothing recorded', async () => {
      const tomorrow = addDays(today, 1);
      const page = await post('/consultant/placements', event('start', { on: tomorrow }));
      expect(page.status).toBe(422);
      const { tag, message } = refused(page.html, 'on');
      expect(tag).toContain(`value="${tomorrow}"`);
      expect(message).toContain(workbenchDa.rule.placement.not_in_future);
      // The rule is said once, beside the field.
      expect(page.html.match(/role="alert"/g)).toHaveLength(1);
      expect((await placement()).status).toBe('planned');
    });

    it('a follow-up whose next visit is not after the visit: 400 beside the next follow-up, the note kept', async () => {
      expect((await post('/consultant/placements', event('start', { on: today }))).status).toBe(200);
      expect((await placement()).status).toBe('started');
      const page = await post('/consultant/placements', event('followUp', { on: today, note: 'Godt i gang i køkkenet', nextFollowUp: today }));
      expect(page.status).toBe(400);
      expect(refused(page.html, 'nextFollowUp').message).toBe(da.nextFollowUpAfterVisit);
      expect(controlsNamed(page.html, 'note')[0]).toContain('value="Godt i gang i køkkenet"');
      // The disclosure holding the started placement's actions is open, so the answer is seen.
      expect(page.html).toMatch(/<details class="board__actions" open="">/);
      expect(await followUps()).toEqual([]);
    });

    it('completing on the day it started: the completion rule beside the completion date, still started', async () => {
      const page = await post('/consultant/placements', event('complete', { on: today }));
      expect(page.status).toBe(422);
      const { message } = refused(page.html, 'on');
      expect(message).toContain(workbenchDa.rule.placement.completion_after_start);
      expect((await placement()).status).toBe('started');
    });

    it('ending early without a reason: 400 beside the reason', async () => {
      const page = await post('/consultant/placements', event('endEarly', { on: today, reason: '' }));
      expect(page.status).toBe(400);
      expect(refused(page.html, 'reason').message).toBe(da.endedReason);
      expect((await placement()).status).toBe('started');
    });

    it('a form no longer on the board (a start for a started placement) is answered at the top, naming the field', async () => {
      const page = await post('/consultant/placements', event('start', { on: '2026-02-30' }));
      expect(page.status).toBe(400);
      expect(page.html).toContain('data-field="on"');
      expect(page.html).toContain(da.date);
    });
  });
});
