/**
 * Server rendering: the i18next instance of the language chosen by
 * resolveLocale (one per language, shared), the CSP nonce on every inline
 * script, and the whole document at once, for people and bots alike.
 *
 * It also hands the server (server/index.ts) what it starts beside the
 * routes: settings, logger, services and the Express middleware that needs
 * them. The server takes them from this build, so routes and services share
 * one copy of every module (docs/decisions/0011-one-built-server.md).
 */
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18nInstanceFor, resolveLocale } from './i18n/i18next.server';
import { NonceProvider } from './lib/nonce-provider';

export { apiRateLimits } from './api/rate-limit.server';
export { EnvError, getEnv } from './env.server';
export { admissionQueue } from './lib/admission.server';
export { answeredTooLarge, limitRequestBodies } from './lib/body-limit.server';
export { createLogger, serializeError } from './lib/logger.server';
export { noStore } from './lib/no-store.server';
export { refuseControlCharactersInQuery, refuseUnknownMethods, sameOriginCheck } from './lib/request-guards.server';
export { startServices, stopServices } from './services.server';

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * No page here suspends (no defer/Await), so the response starts once all
 * of it is ready (onAllReady): a status and headers that never change after
 * the first byte, and the loader data that Remix streams after the document.
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
  return new Promise<Response>((resolve, reject) => {
    let statusCode = responseStatusCode;
    let shellRendered = false;
    let deadline: NodeJS.Timeout | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(deadline);
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: statusCode }));
          pipe(body);
        },
        // The document itself could not be rendered: Remix then renders the route's error boundary.
        onShellError(error) {
          clearTimeout(deadline);
          reject(error);
        },
        onError(error) {
          statusCode = 500;
          // An error in the shell reaches handleError through onShellError; log only what React recovered from.
          if (shellRendered) loadContext.services.logger.error({ err: error, path: new URL(request.url).pathname }, 'rendering failed');
        },
      },
    );
    deadline = setTimeout(abort, ABORT_DELAY + 1_000);
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
