/**
 * i18next settings shared by the server and the browser. Danish is the
 * default; English is complete; Arabic and Ukrainian cover the common
 * strings and fall back to Danish elsewhere.
 */
import type { InitOptions } from 'i18next';

export const supportedLngs = ['da', 'en', 'ar', 'uk'] as const;
export type Lng = (typeof supportedLngs)[number];
export const fallbackLng: Lng = 'da';
export const defaultNS = 'common';

const rtlLngs: ReadonlySet<string> = new Set(['ar']);

export function isLng(value: unknown): value is Lng {
  return typeof value === 'string' && supportedLngs.some((lng) => lng === value);
}

/** Text direction for `<html dir>`; logical CSS properties do the rest. */
export function dirOf(lng: string): 'ltr' | 'rtl' {
  return rtlLngs.has(lng) ? 'rtl' : 'ltr';
}

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  // React escapes already; escaping twice would show &amp; to the reader.
  interpolation: { escapeValue: false },
  // Resources are bundled, so translations are ready on the first render (no flash of keys).
  initImmediate: false,
  react: { useSuspense: false },
} satisfies InitOptions;
