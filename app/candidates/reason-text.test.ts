import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/formats.js';
import { resources } from '../i18n/resources.js';
import { reasonText } from './reason-text.js';

function tIn(lng: 'da' | 'en' | 'ar' | 'uk') {
  const instance = i18next.createInstance();
  void instance.init({ lng, resources, ns: ['candidate'], defaultNS: 'candidate', interpolation: { escapeValue: false }, initImmediate: false });
  return instance.t;
}

const formatDate = (iso: string) => iso;

describe('reason texts write their figures in the page language', () => {
  it('Danish writes a decimal comma in distances ("9,6 km", not "9.6 km")', () => {
    const text = reasonText(tIn('da'), { code: 'distance.km', params: { km: 9.6, maxKm: 25 } }, formatDate, (n) => formatNumber('da', n));
    expect(text).toContain('9,6 km');
    expect(text).not.toContain('9.6');
  });

  it('Ukrainian too; English keeps the point; Arabic keeps Western digits as chosen', () => {
    const reason = { code: 'distance.km' as const, params: { km: 9.6, maxKm: 25 } };
    expect(reasonText(tIn('uk'), reason, formatDate, (n) => formatNumber('uk', n))).toContain('9,6');
    expect(reasonText(tIn('en'), reason, formatDate, (n) => formatNumber('en', n))).toContain('9.6');
    const arabic = reasonText(tIn('ar'), reason, formatDate, (n) => formatNumber('ar', n));
    expect(arabic).toMatch(/9[.,٫]6/);
    expect(arabic).not.toMatch(/[٠-٩]/);
  });
});
