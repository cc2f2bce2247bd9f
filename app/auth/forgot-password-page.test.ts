/**
 * Issue 23 (accounts): /forgot-password through the real Remix build (npx
 * remix build first; npm test does) with SMTP configured and a real SMTP
 * server listening. A known and an unknown e-mail get the same page, and
 * neither request reaches the mail server: the known account's mail is
 * queued and only the delivery worker sends it, after the answer. So neither
 * the page nor how long it takes says whether the address has an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { startSmtpServer, type TestSmtpServer } from '../../tests/setup/smtp-server.js';
import { createMailer } from '../mail/mailer.server.js';
import { deliverDueMails } from '../notifications/delivery.server.js';
import type { AppServices } from '../services.server.js';

describe('the forgot-password page', () => {
  let database: TestDatabase;
  let services: AppServices;
  let smtp: TestSmtpServer;
  let ask: (email: string) => Promise<{ status: number; html: string }>;
  const known = 'known.person@example.org';
  const unknown = 'unknown.person@example.org';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await createTestDatabase('pglite');
    await insertUser(database.db, buildUser(seededRng(3, 'forgot-page'), { role: 'candidate', email: known, locale: 'da' }));
    ({ services } = await createTestServices(database));
    services.env = { ...services.env, smtpUrl: smtp.url };
    const client = createAppClient(await loadServerBuild(), services);
    ask = async (email) => {
      const response = await client(
        new Request('http://localhost/forgot-password', {
          method: 'POST',
          headers: { 'Accept-Language': 'da' },
          body: new URLSearchParams({ email }),
        }),
      );
      return { status: response.status, html: await response.text() };
    };
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
    await smtp?.stop();
  });

  it('answers a known and an unknown e-mail with the same page, and neither request talks to the mail server', async () => {
    const before = smtp.received.length;
    const forKnown = await ask(known);
    const forUnknown = await ask(unknown);
    expect(smtp.received.length).toBe(before);
    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    // The page repeats the typed address; apart from that it is the same page.
    expect(forKnown.html).toContain(known);
    expect(forUnknown.html.replaceAll(unknown, '<address>')).toBe(forKnown.html.replaceAll(known, '<address>'));

    // The known account's mail is in the queue and goes out through SMTP when the worker delivers it.
    const queued = await database.db.selectFrom('outgoing_mails').select('to_address').where('sent_at', 'is', null).execute();
    expect(queued.map((row) => row.to_address)).toEqual([known]);
    const round = await deliverDueMails({
      db: database.db,
      mailer: createMailer(services),
      clock: services.clock,
      baseUrl: 'https://jobbro.example',
    });
    expect(round).toEqual({ sent: 1, failed: 0 });
    await smtp.waitFor(before + 1, 5_000);
    const mails = smtp.received.slice(before);
    expect(mails.flatMap((mail) => mail.to)).toEqual([known]);
    // The link starts with the app's configured address, not with the Host the request named.
    expect(mails[0]?.text).toMatch(/https:\/\/jobbro\.example\/reset-password\/[A-Za-z0-9_-]+/);
  });
});
