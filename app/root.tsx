/**
 * The page frame: <html lang dir>, skip link, header with the role's menu and
 * the language switcher, the main landmark, footer, and a friendly error page.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { Bell, LogOut as LogOutIcon, Menu as MenuIcon, UserRound } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import type { Role } from '../db/schema';
import { homePathFor } from './auth/home-paths';
import { getOptionalUser } from './auth/session.server';
import { dirOf, fallbackLng, supportedLngs } from './i18n/i18n';
import { resolveLocale } from './i18n/i18next.server';
import { useNonce } from './lib/nonce-provider';
import { unreadCount } from './notifications/inbox.server';
import { NotificationsLink } from './notifications/notifications-link';
import notificationStyles from './notifications/notifications.css';
import appStyles from './styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'stylesheet', href: notificationStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  const locale = await resolveLocale(request, context);
  return {
    locale,
    user: user ? { displayName: user.displayName, role: user.role } : null,
    unreadNotifications: user ? await unreadCount(context.services, user) : 0,
  };
}

/** Menu items per role. Feature routes add theirs here (label keys live in the `common` namespace). */
export const navigation: Record<Role, Array<{ to: string; labelKey: string }>> = {
  employer: [
    { to: homePathFor('employer'), labelKey: 'nav.employerHome' },
    { to: '/employer/slots/new', labelKey: 'employer:dashboard.newSlot' },
    { to: '/employer/company', labelKey: 'employer:dashboard.company' },
  ],
  consultant: [
    { to: homePathFor('consultant'), labelKey: 'nav.consultantHome' },
    { to: '/consultant/candidates', labelKey: 'workbench:nav.caseload' },
    { to: '/consultant/placements', labelKey: 'consultant:nav.placements' },
    { to: '/consultant/employers', labelKey: 'consultant:nav.employers' },
    { to: '/consultant/cohorts', labelKey: 'consultant:nav.cohorts' },
    { to: '/consultant/figures', labelKey: 'consultant:nav.figures' },
    { to: '/consultant/erasure', labelKey: 'privacy:nav.erasure' },
    { to: '/consultant/inactive', labelKey: 'review:consultant.nav' },
    { to: '/consultant/cpr-duplicates', labelKey: 'account:cprDuplicates.nav' },
    { to: '/consultant/free-skills', labelKey: 'skills:review.navLink' },
  ],
  candidate: [
    { to: homePathFor('candidate'), labelKey: 'nav.candidateHome' },
    { to: '/candidate/offers', labelKey: 'candidate:nav.offers' },
    { to: '/candidate/sharing', labelKey: 'candidate:nav.sharing' },
  ],
  admin: [
    { to: homePathFor('admin'), labelKey: 'nav.adminHome' },
    { to: '/admin/figures', labelKey: 'consultant:nav.figures' },
  ],
};

function LanguageSwitcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const current = i18n.resolvedLanguage ?? fallbackLng;
  return (
    <Form
      method="post"
      action="/set-language"
      className={className ? `language-switcher ${className}` : 'language-switcher'}
      aria-label={t('layout.changeLanguage')}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span className="language-switcher__label">{t('layout.language')}:</span>
      {supportedLngs.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          dir={dirOf(lng)}
          aria-pressed={lng === current}
          className="language-switcher__option"
        >
          {t(`languages.${lng}`)}
        </button>
      ))}
    </Form>
  );
}

function LogOut() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/logout">
      <button type="submit" className="button button--quiet icon-text">
        <LogOutIcon aria-hidden="true" size={18} className="mirror-rtl" />
        {t('layout.logOut')}
      </button>
    </Form>
  );
}

function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.mainNav')} className="site-nav">
      <ul>
        {navigation[role].map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end>
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The signed-in header on phones (issue 25, item 9): one row of icons with
 * accessible names (notifications with the unread count, my account) and a
 * menu that opens without JavaScript (<details>), holding the role's pages,
 * the language buttons and logging out; it stays within 120 px at 360 px
 * in every language. Wider screens show the full header instead (CSS).
 */
function PhoneMenu({ role, displayName, unread }: { role: Role; displayName: string; unread: number }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // After a client-side navigation from the menu, close it again (without JavaScript each page starts closed).
  // Not on the first run: that is hydration, and it would shut a menu opened before the scripts arrived.
  const shownAt = useRef(`${location.pathname}${location.search}`);
  useEffect(() => {
    const here = `${location.pathname}${location.search}`;
    if (here === shownAt.current) return;
    shownAt.current = here;
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <div className="site-header__narrow">
      <Link
        to="/notifications"
        className="icon-button"
        aria-label={unread > 0 ? t('notifications:nav.linkWithCount', { count: unread }) : t('notifications:nav.link')}
      >
        <Bell aria-hidden="true" size={22} />
        {unread > 0 ? (
          <span className="icon-button__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Link>
      <Link to="/account" className="icon-button" aria-label={t('account:account.link')}>
        <UserRound aria-hidden="true" size={22} />
      </Link>
      <details className="site-menu" ref={menu}>
        <summary className="site-menu__toggle">
          <MenuIcon aria-hidden="true" size={22} />
          <span>{t('skills:header.menu')}</span>
        </summary>
        <div className="site-menu__panel">
          <p className="site-menu__who">{t('layout.loggedInAs', { name: displayName })}</p>
          <MainNav role={role} />
          <LanguageSwitcher />
          <LogOut />
        </div>
      </details>
    </div>
  );
}

function Header() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>('root');
  const user = data?.user ?? null;
  return (
    <header className={user ? 'site-header site-header--signed-in' : 'site-header'}>
      <div className="site-header__bar">
        <Link to={user ? homePathFor(user.role) : '/'} className="site-header__brand">
          {t('app.name')}
        </Link>
        {user ? (
          <>
            <div className="site-header__user site-header__wide">
              <span>{t('layout.loggedInAs', { name: user.displayName })}</span>
              <NotificationsLink unread={data?.unreadNotifications ?? 0} />
              <Link to="/account" className="button button--quiet">
                {t('account:account.link')}
              </Link>
              <LogOut />
            </div>
            <PhoneMenu role={user.role} displayName={user.displayName} unread={data?.unreadNotifications ?? 0} />
          </>
        ) : (
          <Link to="/login" className="button button--quiet">
            {t('layout.logIn')}
          </Link>
        )}
      </div>
      {user ? (
        <div className="site-header__wide">
          <MainNav role={user.role} />
        </div>
      ) : null}
      <LanguageSwitcher className={user ? 'site-header__wide' : undefined} />
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  // After a language switch the root loader revalidates; follow it in the browser.
  useChangeLanguage(data?.locale ?? i18n.resolvedLanguage ?? fallbackLng);
  const lang = data?.locale ?? i18n.resolvedLanguage ?? fallbackLng;
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* React Aria reads this nonce for the one <style> element it adds (usePress); the CSP allows it. */}
        {/* The browser has no nonce to render, so it keeps the server's attribute. */}
        <meta name="csp-nonce" content={nonce} suppressHydrationWarning />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t('layout.skipToContent')}
        </a>
        <Header />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('layout.footer')}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404
      ? t('errors.notFound')
      : status === 403 || status === 401
        ? t('errors.forbidden')
        : status >= 400 && status < 500
          ? t('errors.badRequest')
          : t('errors.generic');
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('errors.title')}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
