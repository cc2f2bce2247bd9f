/** GET /healthz: 200 when the database and the search engine answer and no search document keeps failing, 503 (`degraded`) otherwise. No login needed; no personal data. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { checkHealth } from '~/lib/health.server';

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkHealth(context.services);
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
