/**
 * Who may use each route: the declared expectation the authorisation matrix
 * (authorization-matrix.test.ts) checks against the real build, and the
 * sample requests the fuzz suite (fuzz.test.ts) mutates.
 *
 * ADDING A ROUTE? Add its id here (the file name under app/routes without
 * the extension, prefixed `routes/`). The matrix fails for every route in
 * the build without an entry and for every entry without a route. Give the
 * rule for its loader and for its action, the dynamic params (as rows of
 * tenant A, see world.ts), and a request body that would be accepted, so the
 * matrix reaches the authorisation check and the fuzz suite reaches
 * validation.
 *
 * Rules (a list means: allowed when any rule allows):
 * - `public`: anyone, signed in or not.
 * - `anonymous-only`: signed-in people are sent to their start page.
 * - `signed-in`: any role.
 * - `candidate` | `employer` | `consultant` | `admin`: that role; the
 *   route shows only the person's own data (no tenant in the URL).
 * - `candidate-self`: the candidate the URL names (candidate A).
 * - `employer-own-organisation`: the employer of the organisation owning
 *   the row in the URL or body (organisation A); other employers are refused.
 * - `consultant-own-jobcentre`: consultants of the jobcentre owning it
 *   (jobcentre A); other consultants are refused.
 * - `api-key`: any organisation API key (Authorization: Bearer jbk_…);
 *   the answer holds the key's own organisation's data only.
 * - `api-key-own-organisation`: the API key of organisation A.
 */
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import type { WorldRefs } from '../setup/test-world.js';

export type AccessRule =
  | 'public'
  | 'anonymous-only'
  | 'signed-in'
  | 'candidate'
  | 'employer'
  | 'consultant'
  | 'admin'
  | 'candidate-self'
  | 'employer-own-organisation'
  | 'consultant-own-jobcentre'
  | 'api-key'
  | 'api-key-own-organisation';

type Fields = Record<string, string | string[]>;

export type RequestSample = {
  access: AccessRule | AccessRule[];
  method?: 'GET' | 'POST' | 'PUT';
  /** Query string for the request (and for the fuzz suite to mutate). */
  query?: (refs: WorldRefs) => Fields;
  /** An urlencoded form body. */
  form?: (refs: WorldRefs) => Fields;
  /** A JSON body (API routes). */
  json?: (refs: WorldRefs) => Record<string, unknown>;
  /**
   * Tables an accepted request may change; the fuzz suite fails when any other
   * table changes. A loader's are written whenever the page is shown, also
   * when it is shown again with an action's refusal.
   */
  writes?: string[];
  /**
   * Form fields of free text (names, notes, titles): the fuzz suite sends each
   * a set of legitimate but hostile-looking values (SQL, markup, …) that must
   * be stored exactly as sent when the form is accepted.
   */
  text?: string[];
  /**
   * Date fields: the fuzz suite sends each impossible dates (2023-02-30,
   * 0000-00-00, 9999-12-31, …), which must be refused with 400 naming the field.
   */
  dates?: string[];
  /** Number fields the rules trust: '1e5', '0x10', 'Infinity', negatives, … must be refused the same way. */
  numbers?: string[];
};

export type RouteAccess =
  | 'layout'
  | {
      /**
       * The URL's token is itself the credential (an invitation link): whoever
       * holds it may see what it opens — the inviting company, the invited person.
       */
      secretInUrl?: true;
      /** Dynamic URL params → the row of tenant A they name. */
      params?: Record<string, keyof WorldRefs>;
      loader?: RequestSample;
      /** One sample, or several when the action has intents with different rules. */
      action?: RequestSample | RequestSample[];
    };

const person = (email: string): Fields => ({
  fullName: 'Ny Person',
  email,
  birthDate: '1995-04-03',
  arrivalDate: '2023-02-01',
  residenceBasis: 'refugee',
  postalCode: '6200',
  locale: 'da',
});

const slotForm = (refs: WorldRefs): Fields => ({
  type: 'praktik',
  workplaceId: refs.workplaceA,
  title: 'OpvaskerAlfa',
  mustSkills: [refs.skill],
  positions: '1',
  startDate: dayAfter(refs.today, 40),
  weeks: '8',
  hoursPerWeek: '20',
});

const slotJson = (refs: WorldRefs): Record<string, unknown> => ({
  type: 'praktik',
  workplaceId: refs.workplaceA,
  title: 'OpvaskerAlfa',
  mustSkills: [refs.skill],
  positions: 1,
  startDate: dayAfter(refs.today, 40),
  weeks: 8,
  hoursPerWeek: 20,
});

/** A løntilskud slot asks for the net-job-creation answers (issue 26); other schemes do not. */
const loentilskudSlotForm = (refs: WorldRefs): Fields => ({
  ...slotForm(refs),
  type: 'loentilskud',
  title: 'LagerAlfa',
  netJobsFteNow: '40,5',
  netJobsFte12mAgo: '38',
  netJobsFillsVacancy: 'yes',
  netJobsVacatedOn: dayAfter(refs.today, -200),
});

const loentilskudSlotJson = (refs: WorldRefs): Record<string, unknown> => ({
  ...slotJson(refs),
  type: 'loentilskud',
  title: 'LagerAlfa',
  netJobsFteNow: 40.5,
  netJobsFte12mAgo: 38,
  netJobsFillsVacancy: 'yes',
  netJobsVacatedOn: dayAfter(refs.today, -200),
});

const NET_JOB_NUMBERS = ['netJobsFteNow', 'netJobsFte12mAgo'];

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An occupation of the shipped taxonomy (ESCO's cook). */
const COOK = getTaxonomy().occupations.find((o) => o.labels.en === 'cook')?.uri ?? 'no cook in the taxonomy';

const profileWrites = [
  'candidates',
  'candidate_skills',
  'candidate_languages',
  'candidate_occupations',
  'search_outbox',
  'match_proposals',
  'audit_log',
];

export const routeAccess: Record<string, RouteAccess> = {
  // Runs with every page; its loader is checked through them.
  root: 'layout',

  'routes/_index': { loader: { access: 'anonymous-only' } },
  'routes/healthz': { loader: { access: 'public' } },
  'routes/login': {
    loader: { access: 'anonymous-only' },
    // A candidate's login also records activity (candidates.last_active_at).
    action: { access: 'public', form: () => ({ email: 'nobody@example.org', password: 'not the password' }), writes: ['sessions', 'candidates'] },
  },
  'routes/logout': { loader: { access: 'public' }, action: { access: 'public', form: () => ({}), writes: ['sessions'] } },
  'routes/register': {
    loader: { access: 'anonymous-only' },
    action: {
      access: 'public',
      form: () => ({ ...person('selv.registreret@example.org'), password: 'a long enough password' }),
      writes: [
        'notification_events',
        'notifications',
        'outgoing_mails',
        'users',
        'candidates',
        'sessions',
        'search_outbox',
        'audit_log',
        'mailbox_messages',
        'rate_limits',
      ],
      text: ['fullName'],
      dates: ['birthDate', 'arrivalDate'],
    },
  },
  'routes/forgot-password': {
    loader: { access: 'anonymous-only' },
    action: { access: 'public', form: () => ({ email: 'nobody@example.org' }), writes: ['rate_limits', 'password_resets', 'mailbox_messages'] },
  },
  'routes/reset-password.$token': {
    params: { token: 'passwordResetTokenA' },
    secretInUrl: true,
    loader: { access: 'public' },
    // A short password: refused, so the link stays open for the other actors.
    action: { access: 'public', form: () => ({ password: 'short' }), writes: ['users', 'password_resets', 'sessions'] },
  },
  'routes/account': {
    loader: { access: 'signed-in' },
    // A wrong current password: refused, so every actor keeps their password and sessions.
    action: {
      access: 'signed-in',
      form: () => ({
        intent: 'password',
        currentPassword: 'not the password',
        newPassword: 'a new long passphrase',
        repeatPassword: 'a new long passphrase',
      }),
      writes: ['users', 'sessions'],
    },
  },
  'routes/notifications._index': {
    loader: { access: ['candidate', 'employer', 'consultant', 'admin'] },
    action: { access: ['candidate', 'employer', 'consultant', 'admin'], form: () => ({ intent: 'all' }), writes: ['notifications'] },
  },
  'routes/notifications.settings': {
    // Admins receive no notifications, so they have nothing to choose.
    loader: { access: ['candidate', 'employer', 'consultant'] },
    action: { access: ['candidate', 'employer', 'consultant'], form: () => ({}), writes: ['notification_preferences'] },
  },
  'routes/signup.employer': {
    loader: { access: 'anonymous-only' },
    action: {
      access: 'public',
      form: () => ({
        cvr: '13748136',
        companyName: 'Ny Virksomhed ApS',
        contactName: 'Kontakt Person',
        email: 'ny.virksomhed@firma.dk',
        password: 'a good long password',
        passwordRepeat: 'a good long password',
        pNumber: '3000000001',
        workplaceName: 'Lager',
        address: 'Havnevej 2',
        postalCode: '6200',
        employeesFte: '5',
      }),
      writes: ['organisations', 'workplaces', 'users', 'sessions', 'audit_log'],
      text: ['companyName', 'contactName', 'workplaceName', 'address'],
      numbers: ['employeesFte'],
    },
  },
  'routes/set-language': {
    loader: { access: 'public' },
    action: { access: 'public', form: () => ({ lng: 'en', redirectTo: '/' }), writes: ['users'] },
  },
  'routes/invite._index': { action: { access: 'public', form: () => ({ code: 'ABCD-EFGH' }) } },
  'routes/invite.$token': {
    params: { token: 'candidateInvitationTokenA' },
    secretInUrl: true,
    loader: { access: 'public' },
    // A short password: refused, so the invitation stays open for the other actors.
    action: { access: 'public', form: () => ({ password: 'short' }), writes: ['users', 'candidate_invitations', 'sessions', 'audit_log'] },
  },
  'routes/employer.invitation.$token': {
    params: { token: 'colleagueInvitationTokenA' },
    secretInUrl: true,
    loader: { access: 'public' },
    action: {
      access: 'public',
      form: () => ({ displayName: 'Ny Kollega', password: 'short', passwordRepeat: 'short' }),
      writes: ['users', 'organisation_invitations', 'sessions'],
      text: ['displayName'],
    },
  },

  // ---- API -------------------------------------------------------------------
  'routes/api.v1.openapi[.]json': { loader: { access: 'public' } },
  'routes/api.v1.skills': { loader: { access: 'public', query: () => ({ q: 'opvask', lang: 'da', kind: 'skill', limit: '5' }) } },
  'routes/api.v1.slots': {
    loader: { access: 'api-key', query: () => ({ status: 'published', limit: '10', offset: '0' }) },
    action: [
      {
        access: 'api-key-own-organisation',
        method: 'POST',
        json: slotJson,
        writes: ['slots', 'slot_skills', 'search_outbox', 'audit_log'],
        dates: ['startDate'],
        numbers: ['positions', 'weeks', 'hoursPerWeek'],
      },
      {
        access: 'api-key-own-organisation',
        method: 'POST',
        json: loentilskudSlotJson,
        writes: ['slots', 'slot_skills', 'search_outbox', 'audit_log'],
        dates: ['netJobsVacatedOn'],
        numbers: NET_JOB_NUMBERS,
      },
    ],
  },
  'routes/api.v1.slots.$slotId': {
    params: { slotId: 'slotA' },
    loader: { access: 'api-key-own-organisation' },
    action: {
      access: 'api-key-own-organisation',
      method: 'PUT',
      json: slotJson,
      writes: ['slots', 'slot_skills', 'search_outbox', 'match_proposals', 'audit_log'],
      dates: ['startDate'],
      numbers: ['positions', 'weeks', 'hoursPerWeek'],
    },
  },
  'routes/api.v1.slots.$slotId.publish': {
    params: { slotId: 'spareSlotA' },
    // The loader only answers 405 (POST only), before any authentication.
    loader: { access: 'public' },
    action: { access: 'api-key-own-organisation', method: 'POST', json: () => ({}), writes: ['slots', 'search_outbox', 'audit_log'] },
  },
  'routes/api.v1.slots.$slotId.close': {
    params: { slotId: 'spareSlotA' },
    loader: { access: 'public' },
    action: {
      access: 'api-key-own-organisation',
      method: 'POST',
      json: () => ({}),
      writes: ['slots', 'search_outbox', 'match_proposals', 'audit_log'],
    },
  },
  // Every read of candidates is audit logged and shown to them as a profile view (issue 21.6).
  'routes/api.v1.slots.$id.matches': {
    params: { id: 'slotA' },
    loader: { access: ['consultant', 'employer-own-organisation', 'api-key-own-organisation'], writes: ['audit_log', 'profile_views'] },
  },
  'routes/api.v1.candidates.$id.offers': {
    params: { id: 'candidateA' },
    loader: { access: ['candidate-self', 'consultant-own-jobcentre'], writes: ['audit_log', 'profile_views'] },
  },

  // ---- admin -----------------------------------------------------------------
  'routes/admin._index': { loader: { access: 'admin' } },
  'routes/admin.figures': { loader: { access: 'admin', query: () => ({ map: 'placements' }) } },
  'routes/admin.figures[.]csv': { loader: { access: 'admin', query: () => ({ table: 'bySector' }) } },
  'routes/admin.mailbox': { loader: { access: 'admin' } },
  'routes/admin.outbox': {
    loader: { access: 'admin' },
    action: { access: 'admin', form: () => ({ intent: 'retry', entryId: '1' }), writes: ['search_outbox'] },
  },

  // ---- candidate -------------------------------------------------------------
  'routes/candidate._index': {
    loader: { access: 'candidate' },
    // The inactivity review's answer; "still looking" records activity whether or not the candidate was flagged.
    action: { access: 'candidate', form: () => ({ answer: 'stillLooking' }), writes: ['candidates', 'search_outbox', 'audit_log'] },
  },
  'routes/candidate.offers._index': { loader: { access: 'candidate', query: () => ({ q: 'opvasker', type: 'praktik', km: '40' }) } },
  'routes/candidate.offers.$slotId': {
    params: { slotId: 'slotA' },
    loader: { access: 'candidate' },
    action: { access: 'candidate', form: () => ({ intent: 'interest' }), writes: ['match_proposals', 'audit_log'] },
  },
  'routes/candidate.profile.ambitions': {
    loader: { access: 'candidate' },
    action: { access: 'candidate', form: () => ({ sectors: 'kitchen', note: 'Vil gerne være kok' }), writes: profileWrites, text: ['note'] },
  },
  'routes/candidate.profile.availability': {
    loader: { access: 'candidate' },
    action: {
      access: 'candidate',
      form: (refs) => ({ availableFrom: dayAfter(refs.today, 10), hoursPerWeek: '30' }),
      writes: profileWrites,
      dates: ['availableFrom'],
      numbers: ['hoursPerWeek'],
    },
  },
  'routes/candidate.profile.experience': {
    loader: { access: 'candidate' },
    action: { access: 'candidate', form: () => ({ education: 'Gymnasium' }), writes: profileWrites, text: ['education'] },
  },
  'routes/candidate.profile.experience.suggestions': {
    loader: { access: 'candidate', query: () => ({ occupation: [COOK] }) },
  },
  'routes/candidate.profile.languages': {
    loader: { access: 'candidate' },
    action: {
      access: 'candidate',
      form: () => ({
        danishProgramme: 'DU2',
        danishModule: '3',
        danishEvidence: 'module_test',
        languageCode: 'ar',
        languageSpoken: 'C2',
        languageWritten: 'C1',
        motherTongue: '0',
      }),
      writes: profileWrites,
    },
  },
  'routes/candidate.profile.place': {
    loader: { access: 'candidate' },
    action: {
      access: 'candidate',
      form: () => ({ postalCode: '6200', maxTravelKm: '25', drivingLicence: 'on' }),
      writes: profileWrites,
      numbers: ['maxTravelKm'],
    },
  },
  'routes/candidate.profile.skills': {
    loader: { access: 'candidate', query: () => ({ q: 'opvask' }) },
    action: [
      {
        access: 'candidate',
        form: (refs) => ({ intent: 'add', formId: `skill-${refs.skill}`, skill: refs.skill, years: '2', where: 'abroad' }),
        writes: profileWrites,
        numbers: ['years'],
      },
      // A skill in the candidate's own words, kept as typed for the consultant to map.
      {
        access: 'candidate',
        form: () => ({ intent: 'own', formId: 'own', text: 'Svejsning af rør' }),
        writes: ['candidate_free_skills', 'candidates'],
        text: ['text'],
      },
    ],
  },
  'routes/candidate.sharing': {
    loader: { access: 'candidate' },
    // Candidate A has no approved offer on slot A; the form must still be answered, not crash.
    action: { access: 'candidate', form: (refs) => ({ slotId: refs.slotA, share: 'no' }), writes: ['consents', 'audit_log'] },
  },
  'routes/candidate.data': {
    loader: { access: 'candidate' },
    action: { access: 'candidate', form: () => ({ intent: 'request', confirm: 'yes' }), writes: ['erasure_requests', 'audit_log'] },
  },
  'routes/candidate.data[.]json': { loader: { access: 'candidate' } },

  // ---- consultant ------------------------------------------------------------
  'routes/consultant._index': {
    loader: { access: 'consultant', query: () => ({ scheme: 'praktik', minScore: '10', employerName: '', candidate: '', sector: '', page: '1' }) },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'reject', proposalId: refs.proposalA, reason: 'other', note: 'Ikke nu' }),
      writes: ['match_proposals', 'match_decisions', 'audit_log', 'search_outbox'],
      text: ['note'],
    },
  },
  'routes/consultant.proposals.$proposalId': {
    params: { proposalId: 'proposalA' },
    // Showing a proposal records that the consultant viewed the candidate's profile.
    loader: { access: 'consultant-own-jobcentre', writes: ['profile_views'] },
    action: {
      access: 'consultant-own-jobcentre',
      form: () => ({ intent: 'approve', note: 'God match' }),
      writes: ['notification_events', 'notifications', 'outgoing_mails', 'match_proposals', 'match_decisions', 'audit_log', 'search_outbox'],
      text: ['note'],
    },
  },
  // A what-if only reads: a slot the jobcentre reaches (its municipality, its network's pool, a proposal it sees).
  'routes/consultant.slots.$slotId.what-if': {
    params: { slotId: 'slotA' },
    loader: {
      access: 'consultant-own-jobcentre',
      query: (refs) => ({ danishSpoken: '', danishWritten: '', mustSkills: [refs.skill], startDate: dayAfter(refs.today, 50) }),
    },
  },
  'routes/consultant.candidates.$id_.resend-invitation': {
    params: { id: 'candidateA' },
    loader: { access: 'consultant-own-jobcentre' },
    action: {
      access: 'consultant-own-jobcentre',
      form: () => ({}),
      writes: ['candidate_invitations', 'audit_log', 'mailbox_messages', 'outgoing_mails'],
    },
  },
  'routes/consultant.candidates._index': {
    loader: { access: 'consultant' },
    // candidateA is already confirmed: confirming again is refused for every consultant, and nothing changes.
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'confirm', candidateId: refs.candidateA }),
      writes: ['candidates', 'audit_log', 'mailbox_messages', 'search_outbox', 'notification_events', 'notifications', 'outgoing_mails'],
    },
  },
  'routes/consultant.candidates.$candidateId': {
    params: { candidateId: 'candidateA' },
    // Showing the candidate page records that the consultant viewed the profile.
    loader: { access: 'consultant-own-jobcentre', writes: ['profile_views'] },
    action: {
      access: 'consultant-own-jobcentre',
      form: () => ({ intent: 'note', body: 'Ringede, aftalt møde' }),
      writes: ['candidate_notes', 'audit_log'],
      text: ['body'],
    },
  },
  'routes/consultant.free-skills': {
    loader: { access: 'consultant', query: (refs) => ({ candidate: refs.candidateA, q: 'opvask' }) },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ decision: 'map', formId: `map-${refs.freeSkillA}`, freeSkill: refs.freeSkillA, skill: refs.skill }),
      writes: ['candidate_free_skills', 'candidate_skills', 'search_outbox', 'audit_log', 'notification_events', 'notifications', 'outgoing_mails'],
    },
  },
  'routes/consultant.cpr-duplicates': {
    loader: { access: 'consultant' },
    // No open case in the world: the answer is 409 for every consultant, and nothing changes.
    action: { access: 'consultant', form: () => ({ flagId: '00000000-0000-4000-8000-0000000000f1' }), writes: ['cpr_duplicate_flags'] },
  },
  'routes/consultant.candidates.new': {
    loader: { access: 'consultant' },
    action: {
      access: 'consultant',
      form: () => person('ny.kandidat@example.org'),
      writes: ['users', 'candidates', 'candidate_invitations', 'search_outbox', 'mailbox_messages', 'outgoing_mails', 'audit_log'],
      text: ['fullName'],
      dates: ['birthDate', 'arrivalDate'],
    },
  },
  'routes/consultant.cohorts': {
    loader: { access: 'consultant' },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'match', cohortId: refs.cohortA }),
      writes: ['cohort_members', 'cohorts', 'audit_log'],
    },
  },
  'routes/consultant.employers': {
    loader: { access: 'consultant' },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'verify', organisationId: refs.organisationA, cvrChecked: 'on', contactConfirmed: 'on', note: 'Tjekket' }),
      writes: ['notification_events', 'notifications', 'outgoing_mails', 'organisations', 'organisation_verifications', 'search_outbox', 'audit_log'],
      text: ['note'],
    },
  },
  'routes/consultant.placements': {
    loader: { access: 'consultant' },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'followUp', placementId: refs.placementA, on: refs.today, note: 'Besøgt' }),
      writes: ['placements', 'placement_follow_ups', 'placement_milestones', 'employer_decisions', 'audit_log'],
      text: ['note'],
      dates: ['on'],
    },
  },
  'routes/consultant.inactive': {
    loader: { access: 'consultant' },
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'confirm', candidateId: refs.candidateA }),
      writes: ['candidates', 'search_outbox', 'audit_log'],
    },
  },
  'routes/consultant.figures': { loader: { access: 'consultant', query: () => ({ scope: 'network', map: 'placements' }) } },
  'routes/consultant.figures[.]csv': { loader: { access: 'consultant', query: () => ({ table: 'bySector', scope: 'jobcentre' }) } },
  'routes/consultant.erasure': {
    loader: { access: 'consultant', query: () => ({ q: 'an' }) },
    // Registering a request made on paper; erasing and cancelling need an open request, which the world does not hold.
    action: {
      access: 'consultant-own-jobcentre',
      form: (refs) => ({ intent: 'register', candidateId: refs.candidateA }),
      writes: ['erasure_requests', 'audit_log'],
    },
  },

  // ---- employer --------------------------------------------------------------
  'routes/employer._index': { loader: { access: 'employer' } },
  'routes/employer.company': {
    loader: { access: 'employer' },
    action: [
      { access: 'employer', form: () => ({ intent: 'key', name: 'Lagersystem' }), writes: ['api_keys'], text: ['name'] },
      {
        access: 'employer',
        form: () => ({ intent: 'invite', email: 'ny.kollega@firma.dk' }),
        writes: ['organisation_invitations', 'mailbox_messages', 'outgoing_mails', 'rate_limits'],
      },
      { access: 'employer-own-organisation', form: (refs) => ({ intent: 'revoke', keyId: refs.spareApiKeyIdA }), writes: ['api_keys'] },
    ],
  },
  'routes/employer.slots.new': {
    loader: { access: 'employer' },
    // The workplace in the form is organisation A's.
    action: [
      {
        access: 'employer-own-organisation',
        form: slotForm,
        writes: ['slots', 'slot_skills', 'search_outbox', 'audit_log'],
        text: ['title'],
        dates: ['startDate'],
        numbers: ['positions', 'weeks', 'hoursPerWeek'],
      },
      {
        access: 'employer-own-organisation',
        form: loentilskudSlotForm,
        writes: ['slots', 'slot_skills', 'search_outbox', 'audit_log'],
        dates: ['netJobsVacatedOn'],
        numbers: NET_JOB_NUMBERS,
      },
    ],
  },
  'routes/employer.slots.$slotId': {
    params: { slotId: 'slotA' },
    // Showing the approved candidates records each view (audit log, and the candidate's list of who looked).
    loader: { access: 'employer-own-organisation', writes: ['audit_log', 'profile_views'] },
    action: [
      {
        access: 'employer-own-organisation',
        form: (refs) => ({ proposalId: refs.approvedProposalA, decision: 'invite', note: 'Velkommen' }),
        writes: ['notification_events', 'notifications', 'outgoing_mails', 'employer_decisions', 'audit_log'],
        text: ['note'],
      },
      { access: 'employer-own-organisation', form: () => ({ intent: 'duplicate' }), writes: ['slots', 'slot_skills', 'search_outbox', 'audit_log'] },
    ],
  },
  'routes/employer.slots.$slotId_.edit': {
    params: { slotId: 'slotA' },
    loader: { access: 'employer-own-organisation' },
    action: {
      access: 'employer-own-organisation',
      form: slotForm,
      writes: ['slots', 'slot_skills', 'search_outbox', 'match_proposals', 'audit_log'],
      text: ['title'],
      dates: ['startDate'],
      numbers: ['positions', 'weeks', 'hoursPerWeek'],
    },
  },
  'routes/employer.workplaces.new': {
    loader: { access: 'employer' },
    action: {
      access: 'employer',
      form: () => ({ pNumber: '3000000099', workplaceName: 'Nyt lager', address: 'Kajen 4', postalCode: '6200', employeesFte: '12' }),
      writes: ['workplaces', 'audit_log'],
      text: ['workplaceName', 'address'],
      numbers: ['employeesFte'],
    },
  },
};

/** The samples of an action entry as a list. */
export function actionSamples(entry: Exclude<RouteAccess, 'layout'>): RequestSample[] {
  if (!entry.action) return [];
  return Array.isArray(entry.action) ? entry.action : [entry.action];
}
