/**
 * Server-side language choice. Order: the logged-in user's setting
 * (users.locale), then the `lng` cookie set by the language switcher, then
 * the browser's Accept-Language, then Danish.
 */
import { createCookie, type AppLoadContext } from '@remix-run/node';
import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { getOptionalUser } from '../auth/session.server.js';
import { fallbackLng, i18nConfig, isLng, supportedLngs, type Lng } from './i18n.js';
import { namespaces, resources } from './resources.js';

export const lngCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: lngCookie,
    order: ['cookie', 'header'],
  },
  i18next: { ...i18nConfig, resources, ns: namespaces },
});

/** The language of this request (see the order above). */
export async function resolveLocale(request: Request, context: AppLoadContext): Promise<Lng> {
  const user = await getOptionalUser(request, context);
  if (user?.locale && isLng(user.locale)) return user.locale;
  const detected = await remixI18next.getLocale(request);
  return isLng(detected) ? detected : fallbackLng;
}

const instances = new Map<Lng, Promise<I18n>>();

/** Distinct (key, options) answers remembered per instance before the memo starts afresh; interpolated names and numbers make the set open-ended. */
export const T_MEMO_LIMIT = 10_000;

/** Options i18next itself and react-i18next pass (the language, namespace, key prefix): never personal data. */
const I18NEXT_OPTIONS: ReadonlySet<string> = new Set(['lng', 'lngs', 'ns', 'keyPrefix', 'context', 'defaultValue']);

/**
 * The memo's key for one t() call, or undefined when the call is not
 * remembered: when a value for the text is a string (a name, a masked CPR,
 * a date — personal data is not kept beyond its request) or an object
 * (which may change after the call). Numbers, booleans and null are
 * remembered: counts, distances and hours are most of the repeated calls.
 */
function memoKeyOf(key: unknown, options: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  let memoKey = key;
  if (options === undefined || options === null) return memoKey;
  if (typeof options !== 'object') return undefined;
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const internal = I18NEXT_OPTIONS.has(name);
    // Kept apart from an absent value: i18next may write a null into the text. (react-i18next passes `lngs: null` on every call.)
    if (value === null) {
      memoKey += `\u0000${name}\u0004`;
      continue;
    }
    const type = typeof value;
    if (type === 'number' || type === 'boolean' || (type === 'string' && internal)) {
      memoKey += `\u0000${name}\u0001${type[0]}${String(value)}`;
    } else if (internal && Array.isArray(value) && value.every((each) => typeof each === 'string')) {
      memoKey += `\u0000${name}\u0002${value.join('\u0003')}`;
    } else {
      return undefined;
    }
  }
  return memoKey;
}

/**
 * Remembers the shared instance's answers: the resources never change after
 * start, so the same key with the same options always gives the same text,
 * and i18next's own lookup (≈ 12 µs a call: key parsing, fallbacks,
 * interpolation, plurals) was about a tenth of a page's server time.
 */
function memoiseTranslations(instance: I18n): void {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const known = new Map<string, unknown>();
  const t = (...args: unknown[]): unknown => {
    const memoKey = args.length <= 2 ? memoKeyOf(args[0], args[1]) : undefined;
    if (memoKey === undefined) return translate(...args);
    const remembered = known.get(memoKey);
    if (remembered !== undefined) return remembered;
    const text = translate(...args);
    if (typeof text !== 'string') return text;
    if (known.size >= T_MEMO_LIMIT) known.clear();
    known.set(memoKey, text);
    return text;
  };
  instance.t = t as unknown as I18n['t'];
}

async function createLanguageInstance(lng: Lng): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: namespaces });
  // Shared by every request in this language: switching it would switch it for them all.
  instance.changeLanguage = () => {
    throw new Error(`The server's ${lng} i18next instance is shared between requests; its language never changes`);
  };
  memoiseTranslations(instance);
  return instance;
}

/**
 * The i18next instance for rendering in `lng`: one per language, made once
 * and shared by requests (all resources are in memory; nothing on the server
 * changes an instance's language). Making one per request cost ≈ 0.5 ms of
 * every page view.
 */
export function i18nInstanceFor(lng: Lng): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createLanguageInstance(lng);
    instances.set(lng, instance);
  }
  return instance;
}
