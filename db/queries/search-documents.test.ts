import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import {
  selectCandidateLanguages,
  selectCandidateSkills,
  selectMatchableCandidateIds,
  selectMatchableCandidatePage,
  selectMatchableCandidates,
  selectMatchableCandidatesWithDetails,
  selectPublishedSlotIds,
  selectPublishedSlotPage,
  selectPublishedSlots,
  selectPublishedSlotsWithSkills,
  selectSlotSkills,
  type DocumentPage,
} from './search-documents.js';

/**
 * The set-based loaders that build index documents (one JSON value per
 * batch, labels looked up once per URI) must return what the plain row
 * queries return; the id pages must list every indexable id once, in order.
 */
const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe.each(databaseKinds)('search document queries on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    // One slot with an occupation, so its labels are looked up too.
    const { uri: occupation } = await database.db.selectFrom('occupations').select('uri').orderBy('uri').limit(1).executeTakeFirstOrThrow();
    await database.db.updateTable('slots').set({ occupation_uri: occupation }).where('id', '=', world.slots.igu.id).execute();
    // Languages beyond the world's one: written unknown, and a regional code.
    await database.db
      .insertInto('candidate_languages')
      .values([
        { candidate_id: world.people.ok.id, code: 'da', spoken: 'B1', written: null, is_mother_tongue: false },
        { candidate_id: world.people.ok.id, code: 'fa-af', spoken: 'C2', written: 'B2', is_mother_tongue: false },
      ])
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loads slots with their skills and labels as the row queries do', async () => {
    const ids = [...Object.values(world.slots).map((slot) => slot.id), 'not-a-uuid', '00000000-0000-4000-8000-000000000000'];
    const loaded = await selectPublishedSlotsWithSkills(database.db, ids);
    const rows = await selectPublishedSlots(database.db, ids);
    const skills = await selectSlotSkills(database.db, ids);
    const expected = rows.map((row) => ({
      ...row,
      skills: skills.filter((skill) => skill.slot_id === row.id).map(({ skill_uri, required, labels }) => ({ skill_uri, required, labels })),
    }));
    expect(byId(loaded)).toEqual(byId(expected));
    expect(loaded.map((row) => row.id).sort()).toEqual([world.slots.igu.id, world.slots.praktik.id].sort());
    expect(loaded.find((row) => row.id === world.slots.igu.id)?.occupation_labels?.da).toBeTruthy();
    expect(await selectPublishedSlotsWithSkills(database.db, [world.slots.draft.id])).toEqual([]);
  });

  it('loads candidates with their skills and languages as the row queries do', async () => {
    const ids = [...Object.values(world.people).map((person) => person.id), 'not-a-uuid'];
    const loaded = await selectMatchableCandidatesWithDetails(database.db, ids);
    const rows = await selectMatchableCandidates(database.db, ids);
    const skills = await selectCandidateSkills(database.db, ids);
    const languages = await selectCandidateLanguages(database.db, ids);
    const expected = rows.map((row) => ({
      ...row,
      skills: skills.filter((skill) => skill.candidate_id === row.id).map((skill) => skill.skill_uri),
      languages: languages.filter((language) => language.candidate_id === row.id).map(({ code, spoken, written }) => ({ code, spoken, written })),
    }));
    expect(byId(loaded)).toEqual(byId(expected));
    expect(loaded.some((row) => row.id === world.people.pending.id)).toBe(false);
  });

  it('pages through every indexable id once, in order', async () => {
    const page = async (select: typeof selectMatchableCandidateIds) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const next = await select(database.db, after, 2);
        if (next.length === 0) return ids;
        ids.push(...next);
        after = next[next.length - 1]!;
      }
    };
    const candidates = await page(selectMatchableCandidateIds);
    expect(candidates).toEqual(
      Object.values(world.people)
        .filter((person) => person.id !== world.people.pending.id)
        .map((person) => person.id)
        .sort(),
    );
    expect(await page(selectPublishedSlotIds)).toEqual([world.slots.igu.id, world.slots.praktik.id].sort());
  });

  it('reads keyset pages of documents with the same rows as the loaders by id', async () => {
    const all = async <Row extends { id: string }>(read: (after: string | null, limit: number) => Promise<DocumentPage<Row>>, limit: number) => {
      const rows: Row[] = [];
      const lastIds: string[] = [];
      for (let after: string | null = null; ;) {
        const next = await read(after, limit);
        if (next.lastId === null) {
          expect(next.rows).toEqual([]);
          return { rows, lastIds };
        }
        expect(next.rows.length).toBeLessThanOrEqual(limit);
        rows.push(...next.rows);
        lastIds.push(next.lastId);
        after = next.lastId;
      }
    };
    // A non-matchable candidate between two matchable ones: a page may hold fewer documents than its limit.
    const candidateIds = (await selectMatchableCandidateIds(database.db, null, 100)).concat(world.people.pending.id);
    const expectedCandidates = byId(await selectMatchableCandidatesWithDetails(database.db, candidateIds));
    const expectedSlots = byId(
      await selectPublishedSlotsWithSkills(
        database.db,
        Object.values(world.slots).map((slot) => slot.id),
      ),
    );
    for (const limit of [1, 2, 100]) {
      const candidates = await all((after, n) => selectMatchableCandidatePage(database.db, after, n), limit);
      expect(byId(candidates.rows)).toEqual(expectedCandidates);
      expect(candidates.lastIds).toEqual([...candidates.lastIds].sort());
      const slots = await all((after, n) => selectPublishedSlotPage(database.db, after, n), limit);
      expect(byId(slots.rows)).toEqual(expectedSlots);
    }
  });
});
