import { createInstance, type i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nConfig, supportedLngs, type Lng } from './i18n.js';
import { i18nInstanceFor } from './i18next.server.js';
import { namespaces, resources } from './resources.js';

async function plainInstance(lng: Lng): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng, resources, ns: namespaces });
  return instance;
}

/** Calls as the pages make them: plain keys, plurals, interpolation, another namespace, a missing key. */
const calls: Array<[key: string, options?: Record<string, unknown>]> = [
  ['offers.title'],
  ['offers.away', { km: 12 }],
  ['offers.away', { km: 40 }],
  ['skills.yearsValue', { count: 1 }],
  ['skills.yearsValue', { count: 7 }],
  ['offers.count', { count: 0 }],
  ['offers.count', { count: 300 }],
  ['common:nav.candidateHome'],
  ['offers.no.such.key'],
];

describe('the shared per-language i18next instance', () => {
  it.each(supportedLngs)('answers %s exactly as a plain instance does, also when asked again', async (lng) => {
    const shared = (await i18nInstanceFor(lng)).getFixedT(lng, 'candidate');
    const plain = (await plainInstance(lng)).getFixedT(lng, 'candidate');
    for (const [key, options] of calls) {
      const expected = plain(key, options);
      if (key !== 'offers.no.such.key') expect(expected, 'a key the resources have').not.toBe(key);
      expect(shared(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toBe(expected);
      expect(shared(key, options), `${lng} ${key} ${JSON.stringify(options)} again`).toBe(expected);
    }
  });

  it('refuses to change the language of an instance every request of that language shares', async () => {
    const shared = await i18nInstanceFor('da');
    expect(() => shared.changeLanguage('ar')).toThrow(/shared between requests/);
    expect(shared.language).toBe('da');
  });
});
