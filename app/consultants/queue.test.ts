/**
 * The queue's one query: own and partners' rows (networks looked up inside it), filters by employer
 * and sector, and the names joined to the ranked page (see also the queue
 * cases in decisions.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJobcentre } from '../../db/seed/factories.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { countQueue } from '../../db/queries/queue.js';
import { loadQueue } from './queue.server.js';
import {
  addCandidate,
  addEmployer,
  addProposal,
  addSlot,
  buildConsultantWorld,
  consultantClock as clock,
  type ConsultantWorld,
} from '../../tests/setup/test-world.js';

describe.each(databaseKinds)('consultant queue query (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  const deps = () => ({ db: world.db, clock });
  let ids: Record<string, string>;
  let employers: Record<'kitchen' | 'cleaning', { organisationId: string; workplaceId: string }>;
  let vejle: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db);
    // A second network, Aabenraa with Vejle; Sønderborg is not in it.
    vejle = (await ensureJobcentre(world.db, '630')).id;
    const east = await world.db.insertInto('jobcentre_networks').values({ name: 'Øst' }).returning('id').executeTakeFirstOrThrow();
    await world.db
      .insertInto('jobcentre_network_members')
      .values([world.jobcentres.aabenraa, vejle].map((jobcentreId) => ({ network_id: east.id, jobcentre_id: jobcentreId })))
      .execute();

    const kitchen = await addEmployer(world);
    const cleaning = await addEmployer(world);
    await world.db.updateTable('organisations').set({ name: 'Rengøring Syd ApS' }).where('id', '=', cleaning.organisationId).execute();
    await world.db.updateTable('organisations').set({ name: 'Kantinen Aabenraa ApS' }).where('id', '=', kitchen.organisationId).execute();
    employers = { kitchen, cleaning };
    const plain = await addSlot(world, kitchen, { title: 'Kok' });
    const pooledSouth = await addSlot(world, kitchen, { title: 'Opvasker', pooled_network_id: world.networkId });
    const pooledEast = await addSlot(world, cleaning, { title: 'Rengøringsassistent', sector: 'cleaning', pooled_network_id: east.id });

    const own = await addCandidate(world, world.jobcentres.aabenraa, { full_name: 'Own Aabenraa' });
    const south = await addCandidate(world, world.jobcentres.soenderborg, { full_name: 'Partner Sønderborg' });
    const east1 = await addCandidate(world, vejle, { full_name: 'Partner Vejle' });
    ids = {
      ownPlain: await addProposal(world, plain, own, { score: 0.95 }),
      ownEast: await addProposal(world, pooledEast, own, { score: 0.9 }),
      southOnSouth: await addProposal(world, pooledSouth, south, { score: 0.85 }),
      eastOnEast: await addProposal(world, pooledEast, east1, { score: 0.8 }),
      // Pooled, but in a network the candidate's jobcentre is not a member of.
      southOnEast: await addProposal(world, pooledEast, south, { score: 0.75 }),
      eastOnSouth: await addProposal(world, pooledSouth, east1, { score: 0.7 }),
      // Not pooled at all.
      eastOnPlain: await addProposal(world, plain, east1, { score: 0.65 }),
    };
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows partners’ candidates of every network the jobcentre belongs to, each only on slots pooled in a network both share', async () => {
    const queue = await loadQueue(deps(), world.consultants.aabenraa, {});
    expect(queue.items.map((item) => item.proposal_id)).toEqual([ids.ownPlain, ids.ownEast, ids.southOnSouth, ids.eastOnEast]);
    // The total counts the same rows, an own candidate on a pooled slot once; the count stops where it is told to.
    expect([queue.total, queue.totalIsAtLeast]).toEqual([4, false]);
    expect(await countQueue(world.db, world.jobcentres.aabenraa, {}, 10)).toBe(4);
    expect(await countQueue(world.db, world.jobcentres.aabenraa, {}, 3)).toBe(3);
    // Sønderborg shares only the southern network with Aabenraa, and none with Vejle.
    const fromSouth = await loadQueue(deps(), world.consultants.soenderborg, {});
    expect(fromSouth.items.map((item) => item.proposal_id)).toEqual([ids.southOnSouth, ids.southOnEast]);
    expect(fromSouth.total).toBe(2);
  });

  it('counts only the rows it can show: a self-registration waiting for confirmation is in neither', async () => {
    const slot = await addSlot(world, employers.kitchen, { title: 'Kok (ny)' });
    const waiting = await addCandidate(world, world.jobcentres.aabenraa, { full_name: 'Waiting Aabenraa', status: 'pending', confirmed_at: null });
    const proposal = await addProposal(world, slot, waiting, { score: 0.99 });
    try {
      const queue = await loadQueue(deps(), world.consultants.aabenraa, {});
      expect(queue.items.map((item) => item.proposal_id)).not.toContain(proposal);
      expect(queue.total).toBe(queue.items.length);
    } finally {
      await world.db.deleteFrom('match_proposals').where('id', '=', proposal).execute();
    }
  });

  it('names the employer and, for partners’ candidates, the jobcentre that decides, on every ranked row', async () => {
    const queue = await loadQueue(deps(), world.consultants.aabenraa, {});
    expect(queue.items.map((item) => [item.slot_title, item.organisation_name, item.own, item.homeJobcentreName])).toEqual([
      ['Kok', 'Kantinen Aabenraa ApS', true, null],
      ['Rengøringsassistent', 'Rengøring Syd ApS', true, null],
      ['Opvasker', 'Kantinen Aabenraa ApS', false, 'Jobcenter Sønderborg'],
      ['Rengøringsassistent', 'Rengøring Syd ApS', false, 'Jobcenter Vejle'],
    ]);
  });

  it('filters by employer (by id from a link, or by name) and by sector', async () => {
    const shown = async (request: Parameters<typeof loadQueue>[2]) => {
      const queue = await loadQueue(deps(), world.consultants.aabenraa, request);
      expect(queue.total).toBe(queue.items.length);
      return queue.items.map((item) => item.proposal_id);
    };
    expect(await shown({ organisationId: employers.cleaning.organisationId })).toEqual([ids.ownEast, ids.eastOnEast]);
    expect(await shown({ organisationId: employers.kitchen.organisationId })).toEqual([ids.ownPlain, ids.southOnSouth]);
    expect(await shown({ organisationName: 'rengøring' })).toEqual([ids.ownEast, ids.eastOnEast]);
    expect(await shown({ sector: 'cleaning' })).toEqual([ids.ownEast, ids.eastOnEast]);
    expect(await shown({ sector: 'kitchen', organisationName: 'Rengøring' })).toEqual([]);
  });

  it('follows a candidate who moves to another jobcentre, and a slot pooled into and out of a network', async () => {
    // The queue reads copies of the candidate's jobcentre and the slot's network on each proposal (kept by triggers).
    const shownTo = async (consultant: keyof ConsultantWorld['consultants']) =>
      (await loadQueue(deps(), world.consultants[consultant], {})).items.map((item) => item.proposal_id);
    const slot = await addSlot(world, employers.kitchen, { title: 'Bager' });
    const mover = await addCandidate(world, world.jobcentres.odense, { full_name: 'Moving Candidate' });
    const proposal = await addProposal(world, slot, mover, { score: 0.99 });
    try {
      expect(await shownTo('odense')).toContain(proposal);
      expect(await shownTo('aabenraa')).not.toContain(proposal);

      await world.db.updateTable('candidates').set({ jobcentre_id: world.jobcentres.haderslev }).where('id', '=', mover).execute();
      expect(await shownTo('odense')).not.toContain(proposal);
      // Haderslev is Aabenraa's partner, but the slot is not pooled.
      expect(await shownTo('aabenraa')).not.toContain(proposal);

      await world.db.updateTable('slots').set({ pooled_network_id: world.networkId }).where('id', '=', slot).execute();
      expect(await shownTo('aabenraa')).toContain(proposal);
      expect(await shownTo('soenderborg')).toContain(proposal);

      await world.db.updateTable('slots').set({ pooled_network_id: null }).where('id', '=', slot).execute();
      expect(await shownTo('aabenraa')).not.toContain(proposal);
    } finally {
      await world.db.deleteFrom('match_proposals').where('id', '=', proposal).execute();
    }
  });

  it('pages through more rows than one page of either kind, in one order', async () => {
    // Own and partners' rows interleave by score across pages; page n must equal the n-th slice of the whole order.
    const slot = await addSlot(world, employers.kitchen, { title: 'Pakkemedarbejder', pooled_network_id: world.networkId });
    const added: string[] = [];
    try {
      for (let i = 0; i < 30; i += 1) {
        const home = i % 2 === 0 ? world.jobcentres.aabenraa : world.jobcentres.soenderborg;
        const candidate = await addCandidate(world, home, { full_name: `Paged ${i}` });
        added.push(await addProposal(world, slot, candidate, { score: 0.5 + (i % 7) / 100 }));
      }
      const all = (await loadQueue(deps(), world.consultants.aabenraa, {})).items;
      const second = (await loadQueue(deps(), world.consultants.aabenraa, { page: 2 })).items;
      const whole = [...all, ...second].map((item) => item.proposal_id);
      expect(new Set(whole).size).toBe(whole.length);
      expect(whole.filter((id) => added.includes(id))).toHaveLength(30);
      const scores = [...all, ...second].map((item) => item.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    } finally {
      await world.db.deleteFrom('match_proposals').where('id', 'in', added).execute();
    }
  });
});
