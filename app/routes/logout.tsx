/** Log out (POST only, so a link or an image on another site cannot log anyone out). */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { logout } from '~/auth/login.server';
import { getSessionId } from '~/auth/session.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await getSessionId(request, context);
  const cookie = await logout({ auth: context.services.auth }, sessionId);
  return redirect('/', { headers: { 'Set-Cookie': cookie } });
}
