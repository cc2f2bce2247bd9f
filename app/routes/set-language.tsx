/** The language switcher's target: remembers the choice in a cookie and, when logged in, on the user. */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { changeLanguage } from '~/auth/preferences.server';
import { getOptionalUser } from '~/auth/session.server';
import { supportedLngs } from '~/i18n/i18n';
import { lngCookie } from '~/i18n/i18next.server';
import { parseHiddenForm } from '~/lib/http.server';
import { safeRedirectPath } from '~/lib/safe-redirect';

const schema = z.object({ lng: z.enum(supportedLngs), redirectTo: z.string().optional() });

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lng, redirectTo } = await parseHiddenForm(request, schema);
  const user = await getOptionalUser(request, context);
  if (user) await changeLanguage({ db: context.services.db }, user.id, lng);
  return redirect(safeRedirectPath(redirectTo, '/', new URL(request.url).origin), { headers: { 'Set-Cookie': await lngCookie.serialize(lng) } });
}
