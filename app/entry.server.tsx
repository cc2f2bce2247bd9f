/**
 * Server rendering: the i18next instance of the language chosen by
 * resolveLocale (one per language, shared), the CSP nonce on every inline
 * script, and the whole document at once, for people and bots alike.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18nInstanceFor, resolveLocale } from './i18n/i18next.server';
import { settleHandoff } from './lib/settled-handoff.server';
import { NonceProvider } from './lib/nonce-provider';

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * No page here suspends (no defer/Await), so the page is rendered to one
 * string: React's streaming renderer took twice as long for the same markup
 * (its chunking, encoding and scheduling), and nothing was sent before the
 * page was complete anyway. The only thing that suspends is Remix's transfer
 * of the loader data to the browser; settleHandoff reads that data first.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await resolveLocale(request, loadContext);
  const i18n = await i18nInstanceFor(lng);
  const nonce = loadContext.cspNonce;
  await settleHandoff(remixContext);
  // A render error throws here; Remix then renders the route's error boundary, as it did when the shell failed.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  // renderToString puts a boundary it could not finish in the browser's hands (React marks it <!--$!-->).
  if (html.includes('<!--$!-->')) loadContext.services.logger.error({ path: new URL(request.url).pathname }, 'a component suspended while rendering on the server');
  const body = Buffer.from(`<!DOCTYPE html>${html}`);
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  responseHeaders.set('Content-Length', String(body.length));
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Remix calls this for errors in loaders, actions and rendering. A client's
 * mistake (4xx: unknown URL, wrong method) is not an error of ours, so it is
 * logged at info, never at error.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const logger = context.services.logger;
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.info({ status: error.status, path: new URL(request.url).pathname }, 'client error');
    return;
  }
  logger.error({ err: error, path: new URL(request.url).pathname }, 'request failed');
};
