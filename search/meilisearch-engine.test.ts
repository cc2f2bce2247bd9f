import { describe, expect, it } from 'vitest';
import { createSearchEngine, jobbroKeyActions, jobbroKeyUid } from './create-engine.server.js';
import { SearchUnavailable } from './engine.js';
import { createMeilisearchEngine, toMeilisearchSettings, toMeilisearchSynonyms } from './meilisearch-engine.js';

describe('Meilisearch settings', () => {
  it('turns synonym groups into a symmetric map', () => {
    expect(
      toMeilisearchSynonyms([
        ['Dishwasher', 'opvasker', 'opvasker'],
        ['opvasker', 'skyller'],
      ]),
    ).toEqual({
      dishwasher: ['opvasker'],
      opvasker: ['dishwasher', 'skyller'],
      skyller: ['opvasker'],
    });
  });

  it('maps the geopoint field to _geo and keeps id filterable and sortable', () => {
    const settings = toMeilisearchSettings({
      fields: { id: 'keyword', title: 'string', area: 'keyword', location: 'geopoint' },
      searchable: ['title'],
      filterable: ['area', 'location'],
      sortable: ['location'],
      synonyms: [],
      typoTolerance: true,
    });
    expect(settings).toMatchObject({
      searchableAttributes: ['title'],
      filterableAttributes: ['id', 'area', '_geo'],
      sortableAttributes: ['id', '_geo'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    });
  });
});

describe('Jobbro API key', () => {
  it('has a stable UUID per index prefix and no key-management rights', () => {
    expect(jobbroKeyUid('jobbro_')).toBe(jobbroKeyUid('jobbro_'));
    expect(jobbroKeyUid('jobbro_')).not.toBe(jobbroKeyUid('other_'));
    expect(jobbroKeyUid('jobbro_')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobbroKeyActions.some((action) => action.startsWith('keys.') || action === '*')).toBe(false);
  });
});

describe('an unreachable Meilisearch', () => {
  // Port 9 on the loopback interface: refused at once, no network involved.
  const host = 'http://127.0.0.1:9';

  it('reports unhealthy without throwing and raises SearchUnavailable for work', async () => {
    const engine = createMeilisearchEngine({ host, apiKey: 'k', indexPrefix: 't_', timeoutMs: 500 });
    expect(await engine.healthy()).toBe(false);
    await expect(
      engine.configureIndex('x', { fields: { id: 'keyword' }, searchable: [], filterable: [], sortable: [], synonyms: [], typoTolerance: false }),
    ).rejects.toBeInstanceOf(SearchUnavailable);
    await expect(engine.count('x')).rejects.toBeInstanceOf(SearchUnavailable);
  });

  it('starts even when the key cannot be provisioned yet', async () => {
    const engine = await createSearchEngine({ kind: 'meilisearch', host, masterKey: 'master', apiKey: undefined, indexPrefix: 't_' });
    expect(engine.kind).toBe('meilisearch');
    await expect(engine.count('x')).rejects.toBeInstanceOf(SearchUnavailable);
  });

  it('selects the embedded engine when configured', async () => {
    expect((await createSearchEngine({ kind: 'embedded' })).kind).toBe('embedded');
  });
});
