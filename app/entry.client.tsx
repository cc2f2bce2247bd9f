/**
 * Hydrates the page in the language the server rendered (read from
 * <html lang>), with every translation bundled so nothing is fetched.
 */
import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { fallbackLng, i18nConfig, isLng } from './i18n/i18n';
import { namespaces, resources } from './i18n/resources';

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng: isLng(lang) ? lang : fallbackLng, resources, ns: namespaces });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
