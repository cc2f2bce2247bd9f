/**
 * A page through the real Remix build (npm run build first; npm test does
 * it), rendered by entry.server: the document arrives whole and the loader
 * data reaches the browser, so the page can hydrate.
 */
import { decode } from 'turbo-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, ensureJobcentre, insertUser } from '../db/seed/factories.js';
import { loadReferenceData } from '../db/seed/load-reference.js';
import { seededRng } from '../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.js';
import { SESSION_COOKIE_NAME } from './auth/lucia.server.js';
import type { AppServices } from './services.server.js';

/** The data scripts of a page, as the browser's streamController receives them, decoded as Remix decodes them. */
async function handedOffData(html: string): Promise<unknown> {
  const enqueued = [...html.matchAll(/streamController\.enqueue\(("(?:[^"\\]|\\.)*")\);/g)].map((match) => JSON.parse(match[1]!) as string);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const text of enqueued) controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const decoded = await decode(stream);
  await decoded.done;
  return decoded.value;
}

describe('pages rendered whole', () => {
  let database: TestDatabase;
  let services: AppServices;
  let page: (path: string) => Promise<Response>;
  // Letters of more than one byte on both sides of every chunk boundary a stream could have had.
  const displayName = `Søren Ærø 📍 ${'å'.repeat(700)} Østergård`;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadReferenceData(database.db);
    const jobcentre = await ensureJobcentre(database.db, '580');
    const consultant = await insertUser(database.db, {
      ...buildUser(seededRng(7, 'render'), { role: 'consultant', jobcentre_id: jobcentre.id }),
      display_name: displayName,
    });
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(consultant.id, {});
    page = (path) => client(new Request(`http://localhost${path}`, { headers: { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` } }));
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  it('sends the whole document, its text intact', async () => {
    const response = await page('/consultant');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(bytes.indexOf(0), 'the first NUL byte').toBe(-1);
    const html = bytes.toString('utf8');
    expect(html.startsWith('<!DOCTYPE html><html')).toBe(true);
    // Remix writes the data scripts after the document; the last one ends the data.
    expect(html).toMatch(/window\.__remixContext\.streamController\.close\(\);<\/script>(<!--\/\$-->)*$/);
    expect(html).toContain(displayName);
  });

  it('hands the loader data to the browser in the page', async () => {
    const html = await (await page('/consultant')).text();
    // Every inline script carries the page's CSP nonce, the data scripts too.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts.filter((tag) => !tag.includes(' src='))) expect(script).toContain('nonce="test-nonce"');
    const data = (await handedOffData(html)) as { loaderData: Record<string, unknown> };
    expect(Object.keys(data.loaderData)).toEqual(expect.arrayContaining(['root', 'routes/consultant._index']));
    expect(JSON.stringify(data.loaderData)).toContain(JSON.stringify(displayName).slice(1, -1));
  });
});
