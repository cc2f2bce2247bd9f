/** The candidate's data export as a JSON file to download (the same document as /candidate/data). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/session.server';
import { exportFileName, exportOwnData } from '~/privacy/export.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const document = await exportOwnData(context.services, user);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(document)}"`,
      // Personal data: never kept by a shared cache or the browser's back button.
      'Cache-Control': 'no-store',
    },
  });
}
