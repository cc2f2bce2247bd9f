/**
 * Texts outside a request (mails): an i18next `t` for one language over the
 * same bundled resources as the pages, without Remix, so domain functions
 * can write a mail in its reader's language.
 */
import { createInstance, type TFunction } from 'i18next';
import { i18nConfig, isLng, type Lng } from './i18n.js';
import { namespaces, resources } from './resources.js';

const translators = new Map<Lng, Promise<TFunction>>();

/** `t` for `lng` (Danish for an unknown or missing language). */
export function translatorFor(lng: string | null | undefined): Promise<TFunction> {
  const language: Lng = isLng(lng) ? lng : 'da';
  let found = translators.get(language);
  if (!found) {
    const instance = createInstance();
    found = instance.init({ ...i18nConfig, lng: language, resources, ns: namespaces }).then(() => instance.t);
    translators.set(language, found);
  }
  return found;
}
