/** The front page: what Jobbro is, and a way in. Logged-in people go straight to their start page. */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, homePathFor } from '~/auth/session.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export default function Landing() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('landing.title')}</h1>
      <p>{t('landing.intro')}</p>
      <p>
        <Link to="/login" className="button">
          {t('landing.logIn')}
        </Link>
      </p>
      <ul className="cards">
        <li className="card">
          <h2>{t('landing.employersTitle')}</h2>
          <p>{t('landing.employersText')}</p>
          <p>
            <Link to="/signup/employer">{t('landing.employersSignUp')}</Link>
          </p>
        </li>
        <li className="card">
          <h2>{t('landing.consultantsTitle')}</h2>
          <p>{t('landing.consultantsText')}</p>
        </li>
        <li className="card">
          <h2>{t('landing.candidatesTitle')}</h2>
          <p>{t('landing.candidatesText')}</p>
          <p>
            <Link to="/register">{t('landing.candidatesRegister')}</Link>
          </p>
        </li>
      </ul>
    </>
  );
}
