import { createInstance, type i18n as I18n } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { i18nConfig, supportedLngs, type Lng } from './i18n.js';
import { i18nInstanceFor, T_MEMO_LIMIT } from './i18next.server.js';
import { namespaces, resources } from './resources.js';

async function plainInstance(lng: Lng): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng, resources, ns: namespaces });
  return instance;
}

/** i18next's inner translator, which every t() call not answered from the memo reaches. */
const translatorOf = (instance: I18n) => (instance as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;

/** How many of `calls`' t() calls reached i18next's translator (were not answered from the memo). */
function translationsDuring(instance: I18n, calls: () => void): number {
  const translate = vi.spyOn(translatorOf(instance), 'translate');
  try {
    calls();
    return translate.mock.calls.length;
  } finally {
    translate.mockRestore();
  }
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
  it.each(supportedLngs)('answers %s exactly as a plain instance does, the first time and when remembered', async (lng) => {
    const shared = (await i18nInstanceFor(lng)).getFixedT(lng, 'candidate');
    const plain = (await plainInstance(lng)).getFixedT(lng, 'candidate');
    for (const [key, options] of calls) {
      const expected = plain(key, options);
      if (key !== 'offers.no.such.key') expect(expected, 'a key the resources have').not.toBe(key);
      expect(shared(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toBe(expected);
      expect(shared(key, options), `${lng} ${key} ${JSON.stringify(options)} remembered`).toBe(expected);
    }
  });

  it('translates a remembered call without asking i18next again, and keeps options apart', async () => {
    const instance = await i18nInstanceFor('en');
    const t = instance.getFixedT('en', 'candidate');
    const texts: string[] = [];
    const translated = translationsDuring(instance, () => texts.push(t('offers.away', { km: 1234 }), t('offers.away', { km: 1234 }), t('offers.away', { km: 4321 })));
    expect(texts).toEqual(['1234 km away', '1234 km away', '4321 km away']);
    expect(translated).toBe(2);
  });

  it("remembers calls from components too (react-i18next's fixed t passes lngs: null)", async () => {
    const instance = await i18nInstanceFor('da');
    const t = instance.getFixedT(null as unknown as string, 'candidate');
    expect(translationsDuring(instance, () => Array.from({ length: 5 }, () => t('offers.away', { km: 987_654 })))).toBe(1);
  });

  it('keeps a null value apart from an absent one', async () => {
    const t = (await i18nInstanceFor('en')).getFixedT('en', 'consultant');
    const plain = (await plainInstance('en')).getFixedT('en', 'consultant');
    expect(t('queue.homeJobcentreDecides', {})).toBe(plain('queue.homeJobcentreDecides', {}));
    expect(t('queue.homeJobcentreDecides', { jobcentre: null })).toBe(plain('queue.homeJobcentreDecides', { jobcentre: null }));
    expect(t('queue.homeJobcentreDecides', {})).toBe(plain('queue.homeJobcentreDecides', {}));
  });

  it('never keeps a text made with a string value (names, masked CPR numbers: personal data stays with its request)', async () => {
    const instance = await i18nInstanceFor('en');
    const t = instance.getFixedT('en', 'consultant');
    const plain = (await plainInstance('en')).getFixedT('en', 'consultant');
    const jobcentre = 'Jobcenter Aarhus';
    expect(translationsDuring(instance, () => [t('queue.homeJobcentreDecides', { jobcentre }), t('queue.homeJobcentreDecides', { jobcentre })])).toBe(2);
    expect(t('queue.homeJobcentreDecides', { jobcentre })).toBe(plain('queue.homeJobcentreDecides', { jobcentre }));
  });

  it('translates afresh when an option is an object, which may change between calls', async () => {
    const instance = await i18nInstanceFor('en');
    const t = instance.getFixedT('en', 'candidate');
    const distance = { toString: () => '5' };
    expect(translationsDuring(instance, () => [t('offers.away', { km: distance }), t('offers.away', { km: distance })])).toBe(2);
  });

  it('stays correct past the memo limit', async () => {
    const t = (await i18nInstanceFor('da')).getFixedT('da', 'candidate');
    const plain = (await plainInstance('da')).getFixedT('da', 'candidate');
    for (let km = 0; km < T_MEMO_LIMIT + 50; km += 1) t('offers.away', { km });
    for (const km of [0, 1, T_MEMO_LIMIT - 1, T_MEMO_LIMIT + 49]) expect(t('offers.away', { km })).toBe(plain('offers.away', { km }));
  });
});
