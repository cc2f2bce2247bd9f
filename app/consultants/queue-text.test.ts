import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nConfig, supportedLngs } from '../i18n/i18n.js';
import { namespaces, resources } from '../i18n/resources.js';
import { fillIn, slotFor } from './queue-text.js';

const rows = [
  { candidate: 'Amal Haddad', slot: 'kok' },
  // Text that means something to i18next, to a regular expression or to HTML is still only text.
  { candidate: 'Ole $& {{slot}} $t(queue.title)', slot: '<b>Opvasker</b> & "co"' },
  { candidate: 'أمل حداد', slot: 'مساعد مطبخ' },
  { candidate: '', slot: '' },
];

describe('queue sentences filled in per row', () => {
  it.each(supportedLngs)('fill in the checkbox label in %s as t() writes it with the names', async (lng) => {
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, lng, resources, ns: namespaces });
    const t = i18n.getFixedT(lng, 'consultant');
    const selectPair = fillIn(t('queue.selectPair', { candidate: slotFor('candidate'), slot: slotFor('slot') }), ['candidate', 'slot']);
    // Names holding i18next syntax are filled in as they are (t() would interpolate inside a name that holds {{slot}}).
    const [plain, tricky, ...others] = rows;
    for (const row of [plain!, ...others]) expect(selectPair(row)).toBe(t('queue.selectPair', row));
    expect(selectPair(tricky!)).toBe(
      t('queue.selectPair', { candidate: 'CANDIDATE', slot: 'SLOT' })
        .replace('CANDIDATE', () => tricky!.candidate)
        .replace('SLOT', () => tricky!.slot),
    );
  });

  it('follows the order a language puts the names in, and leaves out what a translation leaves out', () => {
    const reversed = fillIn(`${slotFor('slot')}: vælg ${slotFor('candidate')} (${slotFor('slot')})`, ['candidate', 'slot']);
    expect(reversed({ candidate: 'Amal', slot: 'kok' })).toBe('kok: vælg Amal (kok)');
    const without = fillIn(`Vælg ${slotFor('candidate')}`, ['candidate', 'slot']);
    expect(without({ candidate: 'Amal', slot: 'kok' })).toBe('Vælg Amal');
  });
});
