/**
 * Server rendering: the i18next instance of the language chosen by
 * resolveLocale (one per language, shared), the CSP nonce on every inline
 * script, and bots get the whole document at once (onAllReady) while people
 * get it streamed.
 */
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18nInstanceFor, resolveLocale } from './i18n/i18next.server';
import { NonceProvider } from './lib/nonce-provider';

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

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
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady';

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are already reported through handleError; avoid logging twice.
          if (shellRendered) loadContext.services.logger.error({ err: error }, 'render error');
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
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
