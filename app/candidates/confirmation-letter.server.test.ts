/**
 * The jobcentre's answer to a self-registration reaches the person by the
 * mail queue: the consultant's answer stands when the mail server is down,
 * and the letter goes out, once, in the person's language, when it is back
 * (a real SMTP server, stopped and started again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { startSmtpServer, type TestSmtpServer } from '../../tests/setup/smtp-server.js';
import { addCandidate, buildConsultantWorld, consultantClock as clock, type ConsultantWorld } from '../../tests/setup/test-world.js';
import { createSmtpMailer } from '../mail/mailer.server.js';
import { deliverDueMails } from '../notifications/delivery.server.js';
import { confirmCandidate } from './confirmation.server.js';
import { tellCandidate } from './confirmation-letter.server.js';

describe('the letter with the jobcentre’s answer', () => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    world = await buildConsultantWorld(database.db, 24);
    smtp = await startSmtpServer();
  }, 120_000);
  afterAll(async () => {
    await smtp?.stop();
    await database?.close();
  });

  it('is queued when the mail server is down, the confirmation stands, and it arrives once in Ukrainian when the server is back', async () => {
    const user = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', locale: 'uk', email: 'olena.pending@example.org' }));
    const candidateId = await addCandidate(world, world.jobcentres.aabenraa, {
      user_id: user.id,
      email: user.email,
      status: 'pending',
      confirmed_at: null,
    });
    await smtp.stop();
    const deps = { db: world.db, clock };
    await confirmCandidate(deps, world.consultants.aabenraa, candidateId);
    await expect(tellCandidate(deps, candidateId, 'confirmed')).resolves.toBeUndefined();
    const status = await world.db.selectFrom('candidates').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow();
    expect(status.status).toBe('active');

    const delivery = {
      db: world.db,
      mailer: createSmtpMailer(smtp.url, 'Jobbro <no-reply@jobbro.dk>'),
      clock: () => new Date('2026-03-03T09:00:00Z'),
      baseUrl: 'https://jobbro.example',
    };
    expect(await deliverDueMails(delivery)).toEqual({ sent: 0, failed: 1 });
    await smtp.start();
    expect(await deliverDueMails({ ...delivery, clock: () => new Date('2026-03-03T10:00:00Z') })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMails({ ...delivery, clock: () => new Date('2026-03-03T11:00:00Z') })).toEqual({ sent: 0, failed: 0 });
    const letters = smtp.received.filter((mail) => mail.to.includes(user.email));
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toBe('Вашу реєстрацію в Jobbro підтверджено');
    expect(letters[0]?.text).toContain('https://jobbro.example/login');
  });
});
