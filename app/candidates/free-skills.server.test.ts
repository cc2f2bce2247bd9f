/**
 * Skills in a candidate's own words (issue 25, item 4), on PGlite and
 * PostgreSQL: kept as written in the candidate's language; only consultants
 * of the candidate's jobcentre see and review them; a mapping adds the
 * taxonomy skill to the candidate's skills (and queues the index); the
 * candidate is told in their language, by notification and mail; bad input
 * is refused naming the field and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import type { Locale } from '../../db/schema.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { addCandidate, buildConsultantWorld, type ConsultantWorld } from '../../tests/setup/test-world.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { describeNotification } from '../notifications/texts.server.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { MAX_FREE_SKILLS } from './free-skills.js';
import { addFreeSkill, listOpenFreeSkills, loadOwnFreeSkills, removeFreeSkill, reviewFreeSkill } from './free-skills.server.js';
import { loadOwnProfile } from './profile.server.js';

const clock = () => new Date('2026-03-02T09:00:00Z');

const skillUri = (english: string): string => {
  const found = getTaxonomy().skills.find((skill) => skill.labels.en === english);
  if (!found) throw new Error(`no skill ${english}`);
  return found.uri;
};

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidInput) return error.fields;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe.each(databaseKinds)('skills in the candidate’s own words (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  const deps = () => ({ db: world.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 41);
    await loadTaxonomy(database.db, getTaxonomy());
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  async function candidateIn(locale: Locale, jobcentreId = world.jobcentres.aabenraa) {
    const user = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', locale }));
    const candidateId = await addCandidate(world, jobcentreId, { user_id: user.id });
    return { user, candidateId, session: { id: user.id, role: 'candidate' as const } };
  }

  it('keeps the words as written, in the page language, once; the jobcentre’s consultants see them, others do not', async () => {
    const amal = await candidateIn('ar');
    await addFreeSkill(deps(), amal.session, { text: '  تصليح الهواتف المحمولة  ', lang: 'ar' });
    await addFreeSkill(deps(), amal.session, { text: 'تصليح الهواتف المحمولة', lang: 'ar' });
    const own = await loadOwnFreeSkills(deps(), amal.session);
    expect(own.map((row) => ({ text: row.text, lang: row.lang, status: row.status }))).toEqual([
      { text: 'تصليح الهواتف المحمولة', lang: 'ar', status: 'open' },
    ]);

    const mine = await listOpenFreeSkills(deps(), world.consultants.aabenraa, { candidateId: null });
    expect(mine.filter((row) => row.candidate_id === amal.candidateId).map((row) => row.text)).toEqual(['تصليح الهواتف المحمولة']);
    expect((await listOpenFreeSkills(deps(), world.consultants.soenderborg, { candidateId: null })).map((row) => row.candidate_id)).not.toContain(
      amal.candidateId,
    );
    await expect(reviewFreeSkill(deps(), world.consultants.soenderborg, { decision: 'leave', freeSkill: own[0]!.id })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      listOpenFreeSkills(deps(), { id: amal.user.id, role: 'candidate', jobcentreId: null }, { candidateId: null }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses empty, too long and too many words naming the field, and keeps what was there', async () => {
    const olena = await candidateIn('uk');
    expect(await fieldsOf(addFreeSkill(deps(), olena.session, { text: '   ', lang: 'uk' }))).toEqual({ text: ['skills:own.errors.required'] });
    expect(await fieldsOf(addFreeSkill(deps(), olena.session, { text: 'б'.repeat(101), lang: 'uk' }))).toEqual({
      text: ['skills:own.errors.tooLong'],
    });
    for (let i = 0; i < MAX_FREE_SKILLS; i++) await addFreeSkill(deps(), olena.session, { text: `навичка ${i}`, lang: 'uk' });
    expect(await fieldsOf(addFreeSkill(deps(), olena.session, { text: 'ще одна', lang: 'uk' }))).toEqual({ text: ['skills:own.errors.tooMany'] });
    expect(await loadOwnFreeSkills(deps(), olena.session)).toHaveLength(MAX_FREE_SKILLS);
  });

  it('a mapping adds the skill, queues the index and tells the candidate in Arabic; a second review is a conflict', async () => {
    const amal = await candidateIn('ar');
    await addFreeSkill(deps(), amal.session, { text: 'أسوق الرافعة في المستودع', lang: 'ar' });
    const [words] = await loadOwnFreeSkills(deps(), amal.session);
    const forklift = skillUri('operate forklift');

    expect(
      await fieldsOf(reviewFreeSkill(deps(), world.consultants.aabenraa, { decision: 'map', freeSkill: words!.id, skill: 'http://example.org/x' })),
    ).toEqual({ skill: ['skills:review.errors.skillUnknown'] });
    await reviewFreeSkill(deps(), world.consultants.aabenraa, { decision: 'map', freeSkill: words!.id, skill: forklift });

    const profile = await loadOwnProfile(deps(), amal.session);
    expect(profile.skills.map((skill) => skill.skill_uri)).toEqual([forklift]);
    const [reviewed] = await loadOwnFreeSkills(deps(), amal.session);
    expect(reviewed).toMatchObject({ status: 'mapped', mapped_skill_uri: forklift });
    const queued = await world.db.selectFrom('search_outbox').select('document_id').where('document_id', '=', amal.candidateId).execute();
    expect(queued.length).toBeGreaterThan(0);

    const notes = await world.db
      .selectFrom('notifications')
      .select(['kind', 'params', 'link', 'mail_id'])
      .where('user_id', '=', amal.user.id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'free_skill_reviewed', link: '/candidate/profile/skills' });
    const text = await describeNotification('ar', notes[0]!.kind, notes[0]!.params);
    expect(text.title).toContain('قيادة الرافعة الشوكية');
    expect(text.title).toContain('أسوق الرافعة في المستودع');
    const mail = await world.db
      .selectFrom('outgoing_mails')
      .select(['subject', 'to_address'])
      .where('id', '=', notes[0]!.mail_id!)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ to_address: amal.user.email });
    expect(mail.subject).toContain('مركز التوظيف');

    await expect(reviewFreeSkill(deps(), world.consultants.aabenraa, { decision: 'leave', freeSkill: words!.id })).rejects.toBeInstanceOf(Conflict);
    expect(await listOpenFreeSkills(deps(), world.consultants.aabenraa, { candidateId: amal.candidateId })).toEqual([]);
  });

  it('leaving the words keeps them as written and tells the candidate so; removing is the candidate’s own', async () => {
    const olena = await candidateIn('uk');
    await addFreeSkill(deps(), olena.session, { text: 'Бухгалтерський облік за українськими стандартами', lang: 'uk' });
    const [words] = await loadOwnFreeSkills(deps(), olena.session);
    await reviewFreeSkill(deps(), world.consultants.aabenraa, { decision: 'leave', freeSkill: words!.id });
    expect((await loadOwnProfile(deps(), olena.session)).skills).toEqual([]);
    expect(await loadOwnFreeSkills(deps(), olena.session)).toMatchObject([{ status: 'left', mapped_skill_uri: null }]);
    const [note] = await world.db.selectFrom('notifications').select(['kind', 'params']).where('user_id', '=', olena.user.id).execute();
    const text = await describeNotification('uk', note!.kind, note!.params);
    expect(text.title).toContain('залишається серед ваших навичок вашими словами');

    const other = await candidateIn('da');
    await expect(removeFreeSkill(deps(), other.session, { freeSkill: words!.id })).rejects.toBeInstanceOf(NotFound);
    await removeFreeSkill(deps(), olena.session, { freeSkill: words!.id });
    expect(await loadOwnFreeSkills(deps(), olena.session)).toEqual([]);
  });
});
