/**
 * Numbers and dates by the page's language, one way everywhere: decimal comma
 * in Danish and Ukrainian, Western digits in Arabic too (the digits people
 * meet on Danish letters, CPR numbers and postal codes), times in Danish time.
 * Counts go through i18next plural forms with the number formatted here:
 * `t('key', { count, n: formatNumber(lng, count) })`.
 */
const intlLocales: Record<string, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar-u-nu-latn', uk: 'uk-UA' };

/** The Intl locale for a page language. */
export function intlLocale(lng: string): string {
  return intlLocales[lng] ?? 'da-DK';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it, with at most `maxFractionDigits` decimals (9.6 → "9,6" in Danish). */
export function formatNumber(lng: string, value: number, maxFractionDigits = 1): string {
  const key = `${lng} ${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) as the language writes it; the day is the day, in any time zone. */
export function formatDay(lng: string, isoDay: string, style: 'medium' | 'long' = 'medium'): string {
  const key = `${lng} ${style}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: style, timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment (date and time) in Danish time, as the language writes it. */
export function formatMoment(lng: string, moment: Date | string): string {
  let format = momentFormats.get(lng);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
    momentFormats.set(lng, format);
  }
  return format.format(typeof moment === 'string' ? new Date(moment) : moment);
}

const momentDayFormats = new Map<string, Intl.DateTimeFormat>();

/** The Danish calendar day of a moment (an expiry, a last use), as the language writes it: 23:30 UTC on 31 Dec is 1 Jan in Denmark. */
export function formatMomentDay(lng: string, moment: Date | string, style: 'medium' | 'long' = 'medium'): string {
  const key = `${lng} ${style}`;
  let format = momentDayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: style, timeZone: 'Europe/Copenhagen' });
    momentDayFormats.set(key, format);
  }
  return format.format(typeof moment === 'string' ? new Date(moment) : moment);
}
