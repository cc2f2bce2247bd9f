import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.server.js';

describe('parseEnv', () => {
  it('defaults to the embedded database in ./data and the embedded search engine', () => {
    const env = parseEnv({}, '/srv/jobbro');
    expect(env.port).toBe(3000);
    expect(env.database).toEqual({ kind: 'pglite', dataDir: '/srv/jobbro/data/pglite' });
    expect(env.search).toEqual({ kind: 'embedded' });
    expect(env.demo).toBe(true);
  });

  it("starts mail links with JOBBRO_PUBLIC_URL, else this machine's port; refuses an address that is not a URL", () => {
    expect(parseEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(parseEnv({ JOBBRO_PUBLIC_URL: 'https://jobbro.dk/' }).publicUrl).toBe('https://jobbro.dk');
    expect(() => parseEnv({ JOBBRO_PUBLIC_URL: 'jobbro.dk' })).toThrow(/JOBBRO_PUBLIC_URL: must be a URL/);
  });

  it('uses JOBBRO_DATA_DIR and PORT', () => {
    const env = parseEnv({ JOBBRO_DATA_DIR: '/var/jobbro', PORT: '8080' }, '/srv');
    expect(env.dataDir).toBe('/var/jobbro');
    expect(env.port).toBe(8080);
  });

  it('selects PostgreSQL and Meilisearch when configured, without demo accounts unless asked', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://u@db/jobbro', MEILI_HOST: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'k' });
    expect(env.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/jobbro' });
    expect(env.search).toMatchObject({ kind: 'meilisearch', host: 'http://127.0.0.1:7700', masterKey: 'k' });
    expect(env.demo).toBe(false);
    expect(parseEnv({ DATABASE_URL: 'postgres://u@db/jobbro', JOBBRO_DEMO: '1' }).demo).toBe(true);
  });

  it('limits /api/v1 to 600 requests a minute per key and per address unless told otherwise', () => {
    expect(parseEnv({}).apiRateLimits).toEqual({ perKeyPerMinute: 600, perAddressPerMinute: 600 });
    const raised = parseEnv({ JOBBRO_API_RATE_PER_MINUTE: '100000', JOBBRO_API_ADDRESS_RATE_PER_MINUTE: '1200' });
    expect(raised.apiRateLimits).toEqual({ perKeyPerMinute: 100_000, perAddressPerMinute: 1200 });
  });

  it('runs one app process unless told more, and more only with PostgreSQL', () => {
    expect(parseEnv({}).processes).toBe(1);
    expect(parseEnv({ DATABASE_URL: 'postgres://u@db/jobbro', JOBBRO_PROCESSES: '4' }).processes).toBe(4);
    expect(() => parseEnv({ JOBBRO_PROCESSES: '2' })).toThrow(/JOBBRO_PROCESSES: more than one process needs PostgreSQL/);
    expect(() => parseEnv({ JOBBRO_PROCESSES: '0' })).toThrow(/JOBBRO_PROCESSES/);
  });

  it('works on a few requests at once with the embedded database, more with PostgreSQL, or as told', () => {
    expect(parseEnv({}).concurrentRequests).toBe(8);
    expect(parseEnv({ DATABASE_URL: 'postgres://u@db/jobbro' }).concurrentRequests).toBe(16);
    expect(parseEnv({ JOBBRO_CONCURRENT_REQUESTS: '32' }).concurrentRequests).toBe(32);
  });

  it.each([
    [{ JOBBRO_PROCESSES: '0' }, 'JOBBRO_PROCESSES'],
    [{ JOBBRO_CONCURRENT_REQUESTS: '0' }, 'JOBBRO_CONCURRENT_REQUESTS'],
    [{ JOBBRO_API_RATE_PER_MINUTE: '0' }, 'JOBBRO_API_RATE_PER_MINUTE'],
    [{ JOBBRO_API_ADDRESS_RATE_PER_MINUTE: 'lots' }, 'JOBBRO_API_ADDRESS_RATE_PER_MINUTE'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MEILI_HOST: 'not a url' }, 'MEILI_HOST'],
    [{ MEILI_MASTER_KEY: 'k' }, 'MEILI_HOST'],
    [{ JOBBRO_DEMO: 'maybe' }, 'JOBBRO_DEMO'],
    [{ CPR_ENCRYPTION_KEY: 'short' }, 'CPR_ENCRYPTION_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %o naming %s', (source, setting) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(setting));
  });
});
