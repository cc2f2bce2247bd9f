/**
 * Server rendering: the i18next instance of the language chosen by
 * resolveLocale (one per language, shared), the CSP nonce on every inline
 * script, and the whole document at once (onAllReady) for people and bots.
 */
import { Writable } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
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

  return new Promise<Response>((resolve, reject) => {
    // The whole page in one buffer, sent once with its length: no page here suspends (no defer/Await), so streaming
    // the shell first only cost a web stream, a pipe and a socket write per chunk on every request.
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let timer: NodeJS.Timeout | undefined;
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        responseHeaders.set('Content-Length', String(body.length));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
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
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          // Nothing is sent before the page is complete, so an error while rendering still makes it a 500.
          responseStatusCode = 500;
          // Errors before the shell reach handleError through the rejection; log only the later ones.
          if (shellRendered) loadContext.services.logger.error({ err: error }, 'render error');
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY + 1_000);
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
