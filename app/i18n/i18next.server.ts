/**
 * Server-side language choice. Order: the logged-in user's setting
 * (users.locale), then the `lng` cookie set by the language switcher, then
 * the browser's Accept-Language, then Danish.
 */
import { createCookie, type AppLoadContext } from '@remix-run/node';
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
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

/** A fresh i18next instance for one request (instances hold the language, so never share one). */
export async function createI18nInstance(lng: Lng): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: namespaces });
  return instance;
}

/** A translate function in the request's language for text made on the server (e.g. form errors). */
export async function getT(request: Request, context: AppLoadContext, ns: string = 'common'): Promise<TFunction> {
  const lng = await resolveLocale(request, context);
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng, resources, ns: namespaces, defaultNS: ns });
  return instance.t;
}
