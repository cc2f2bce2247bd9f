/**
 * The consultant's forms through the real Remix build (npx remix build
 * first; npm test does), posted as a browser without JavaScript would: the
 * queue's and the proposal page's decisions, the candidate page's note and
 * edit, the new-candidate form and the caseload's answers. Bad input is a
 * 400 with the page, the message beside its field in Danish, what was typed
 * still in the form, and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { controlsNamed, decoded, invalidControl, messagesFor } from '../../tests/setup/form-page.js';
import { addCandidate, addConsultant, addEmployer, addProposal, addSlot, buildConsultantWorld } from '../../tests/setup/test-world.js';
import { SESSION_COOKIE_NAME } from '../auth/lucia.server.js';
import { formatDay } from '../i18n/formats.js';
import { addDays, todayOf } from '../lib/dates.js';
import candidateDa from '../i18n/locales/da/candidate.json';
import formsDa from '../i18n/locales/da/forms.json';
import type { AppServices } from '../services.server.js';

type Page = { status: number; html: string; location: string | null };

/** A start date the candidate's rules take (from today, within ten years). */
const soon = addDays(todayOf(), 40);
const later = addDays(todayOf(), 60);

describe('consultant forms: bad input names the field beside it, keeps what was typed, stores nothing', () => {
  let database: TestDatabase;
  let services: AppServices;
  let candidateId: string;
  let proposalId: string;
  let post: (path: string, fields: Array<[string, string]>) => Promise<Page>;
  let get: (path: string) => Promise<Page>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const world = await buildConsultantWorld(database.db, 31);
    const consultant = await addConsultant(world, world.jobcentres.aabenraa, { locale: 'da' });
    const employer = await addEmployer(world);
    const slot = await addSlot(world, employer);
    candidateId = await addCandidate(world, world.jobcentres.aabenraa, {
      postal_code: '6200',
      max_travel_km: 30,
      hours_per_week: 25,
      available_from: soon,
    });
    proposalId = await addProposal(world, slot, candidateId);
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(consultant.id, {});
    const send = async (request: Request): Promise<Page> => {
      const response = await client(request);
      return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
    };
    post = (path, fields) =>
      send(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          headers: { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` },
          body: new URLSearchParams(fields),
        }),
      );
    get = (path) => send(new Request(`http://localhost${path}`, { headers: { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` } }));
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  const messages = formsDa.consultant;
  const decisions = async () => {
    const proposal = await database.db.selectFrom('match_proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow();
    const decided = await database.db.selectFrom('match_decisions').select('proposal_id').where('proposal_id', '=', proposalId).execute();
    return { status: proposal.status, decisions: decided.length };
  };
  const notes = () => database.db.selectFrom('candidate_notes').select('body').where('candidate_id', '=', candidateId).execute();
  const candidateRow = () =>
    database.db
      .selectFrom('candidates')
      .select(['postal_code', 'max_travel_km', 'hours_per_week', 'available_from'])
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
  /** The text inside the textarea named `name` (what the page shows in it). */
  const textareaText = (html: string, name: string) =>
    decoded(new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? '(no textarea)');

  describe('the queue', () => {
    it('rejecting with nothing ticked: 400, the message beside the proposals, the note kept, nothing decided', async () => {
      const page = await post('/consultant', [
        ['intent', 'reject'],
        ['reason', 'distance'],
        ['note', 'For langt at køre'],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'proposalId')).toContain(messages.chooseProposals);
      expect(controlsNamed(page.html, 'note')[0]).toContain('value="For langt at køre"');
      expect(controlsNamed(page.html, 'reason')[0]).not.toContain('aria-invalid');
      expect(page.html).toMatch(/<option value="distance" selected="">/);
      expect(await decisions()).toEqual({ status: 'proposed', decisions: 0 });
    });

    it('a note over 1,000 characters: 400 beside the note, the note and the ticked proposal kept, nothing decided', async () => {
      const note = 'Passer ikke ind i holdet. '.repeat(40).trim();
      expect(note.length).toBeGreaterThan(1000);
      const page = await post('/consultant', [
        ['proposalId', proposalId],
        ['intent', 'reject'],
        ['reason', 'not_ready'],
        ['note', note],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'note')).toContain(messages.tooLong.replace('{{max}}', '1000'));
      expect(invalidControl(page.html, 'note').tag).toContain(`value="${note}"`);
      expect(controlsNamed(page.html, 'proposalId')[0]).toContain('checked=""');
      expect(await decisions()).toEqual({ status: 'proposed', decisions: 0 });
    });

    it('the reason "other" without a note: 400 beside the note, nothing decided', async () => {
      const page = await post('/consultant', [
        ['proposalId', proposalId],
        ['intent', 'reject'],
        ['reason', 'other'],
        ['note', '   '],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'note')).toContain(messages.noteForOther);
      expect(await decisions()).toEqual({ status: 'proposed', decisions: 0 });
    });
  });

  describe('the proposal page', () => {
    it('a note over 1,000 characters: 400 beside the note and kept, nothing decided', async () => {
      const note = 'God match, men '.repeat(70);
      const page = await post(`/consultant/proposals/${proposalId}`, [
        ['note', note],
        ['intent', 'approve'],
        ['reason', 'skills'],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'note')).toContain(messages.tooLong.replace('{{max}}', '1000'));
      expect(invalidControl(page.html, 'note').tag).toContain(`value="${note}"`);
      expect(await decisions()).toEqual({ status: 'proposed', decisions: 0 });
    });

    it('rejecting for "other" without a note: 400 beside the note, the reason kept, nothing decided', async () => {
      const page = await post(`/consultant/proposals/${proposalId}`, [
        ['note', ''],
        ['intent', 'reject'],
        ['reason', 'other'],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'note')).toContain(messages.noteForOther);
      expect(page.html).toMatch(/<option value="other" selected="">/);
      expect(await decisions()).toEqual({ status: 'proposed', decisions: 0 });
    });
  });

  describe('the candidate page', () => {
    const path = () => `/consultant/candidates/${candidateId}`;

    it('a note of only spaces: 400, "write the note" beside it, nothing stored', async () => {
      const page = await post(path(), [
        ['intent', 'note'],
        ['body', '   '],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'body')).toContain(messages.noteRequired);
      expect(await notes()).toEqual([]);
    });

    it('a note over 4,000 characters: 400 beside it, the text still in the box, nothing stored', async () => {
      const body = 'Ringede og talte om praktik i køkkenet. '.repeat(110);
      expect(body.length).toBeGreaterThan(4000);
      const page = await post(path(), [
        ['intent', 'note'],
        ['body', body],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'body')).toContain(messages.tooLong.replace('{{max}}', '4000'));
      expect(textareaText(page.html, 'body')).toBe(body);
      // The other forms on the page are not marked.
      expect(controlsNamed(page.html, 'postalCode')[0]).not.toContain('aria-invalid');
      expect(await notes()).toEqual([]);
    });

    it('edit: a malformed postal code and hours of 1e5, each named beside its field, both kept, nothing changed', async () => {
      const before = await candidateRow();
      const page = await post(path(), [
        ['intent', 'edit'],
        ['postalCode', '62'],
        ['maxTravelKm', '40'],
        ['availableFrom', later],
        ['hoursPerWeek', '1e5'],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'postalCode')).toContain(candidateDa.errors.postalCodeFormat);
      expect(messagesFor(page.html, 'hoursPerWeek')).toContain(candidateDa.errors.hoursRange);
      expect(invalidControl(page.html, 'postalCode').tag).toContain('value="62"');
      expect(invalidControl(page.html, 'hoursPerWeek').tag).toContain('value="1e5"');
      expect(controlsNamed(page.html, 'maxTravelKm')[0]).toContain('value="40"');
      expect(controlsNamed(page.html, 'drivingLicence')[0]).not.toContain('checked');
      expect(textareaText(page.html, 'body')).toBe('');
      expect(await candidateRow()).toEqual(before);
    });

    it('good input is saved: the note, then the edit', async () => {
      const note = await post(path(), [
        ['intent', 'note'],
        ['body', '  Mødtes på jobcentret  '],
      ]);
      expect(note.status).toBe(200);
      expect(await notes()).toEqual([{ body: 'Mødtes på jobcentret' }]);
      const edit = await post(path(), [
        ['intent', 'edit'],
        ['postalCode', '6400'],
        ['maxTravelKm', '45'],
        ['availableFrom', later],
        ['hoursPerWeek', ''],
      ]);
      expect(edit.status).toBe(200);
      expect(await candidateRow()).toEqual({ postal_code: '6400', max_travel_km: 45, hours_per_week: null, available_from: later });
      expect(controlsNamed(edit.html, 'postalCode')[0]).toContain('value="6400"');
    });

    it('shows dates in the page language, not as ISO dates', async () => {
      const page = await get(path());
      expect(page.status).toBe(200);
      const factOf = (term: string) => new RegExp(`<dt>${term}</dt><dd>([^<]*)</dd>`).exec(decoded(page.html))?.[1];
      expect(factOf('Født')).toBe(formatDay('da', '1994-05-10'));
      expect(factOf('Født')).toBe('10. maj 1994');
      expect(factOf('Kom til Danmark')).toBe('1. aug. 2022');
      expect(decoded(page.html)).toContain('Har ventet på et virksomhedsrettet tilbud siden 15. jan. 2026.');
    });
  });

  describe('the new-candidate form', () => {
    it('an empty name and a bad e-mail: 400 beside each, the rest kept, the CPR never echoed, nobody created', async () => {
      const page = await post('/consultant/candidates/new', [
        ['fullName', ''],
        ['email', 'hala-at-example'],
        ['birthDate', '1994-04-04'],
        ['arrivalDate', '2024-02-01'],
        ['residenceBasis', 'ukraine_special_law'],
        ['postalCode', '6200'],
        ['locale', 'uk'],
        ['cpr', '040494-1234'],
      ]);
      expect(page.status).toBe(400);
      expect(messagesFor(page.html, 'fullName')).toContain(candidateDa.errors.nameRequired);
      expect(messagesFor(page.html, 'email')).toContain(candidateDa.errors.emailInvalid);
      expect(invalidControl(page.html, 'email').tag).toContain('value="hala-at-example"');
      expect(controlsNamed(page.html, 'birthDate')[0]).toContain('value="1994-04-04"');
      expect(page.html).toMatch(/<option value="ukraine_special_law" selected="">/);
      expect(page.html).not.toMatch(/040494-?1234/);
      expect(await database.db.selectFrom('users').select('id').where('email', 'like', 'hala%').execute()).toEqual([]);
    });
  });

  describe('the caseload', () => {
    it('an answer with a tampered id or intent is a 400, never a 500', async () => {
      for (const fields of [
        [
          ['candidateId', "'; drop table candidates; --"],
          ['intent', 'confirm'],
        ],
        [
          ['candidateId', candidateId],
          ['intent', 'delete'],
        ],
      ] satisfies Array<Array<[string, string]>>) {
        expect((await post('/consultant/candidates', fields)).status).toBe(400);
      }
      expect((await database.db.selectFrom('candidates').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow()).status).toBe(
        'active',
      );
    });
  });
});
