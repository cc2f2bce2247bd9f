/**
 * With single fetch, Remix hands a page's loader data to the browser as a
 * turbo-stream that <RemixServer> writes out chunk by chunk through
 * StreamTransfer, a component that suspends until each chunk is read. A
 * renderer that does not wait for suspended components (renderToString)
 * would leave the data out, and the page would not hydrate.
 *
 * settleHandoff reads the whole stream first and puts it where StreamTransfer
 * looks before reading (its cache of read chunks, in the render's
 * `renderMeta`): chunk 0 is all the data, chunk 1 the end. StreamTransfer
 * then renders the same two scripts it would have streamed, without
 * suspending. The stream it is handed afterwards is an empty one, since the
 * original is read. This leans on @remix-run/react 2.17's StreamTransfer
 * (`renderMeta.streamCache[identifier].result`); its test renders a real
 * page and decodes the data the HTML carries.
 */
import type { EntryContext } from '@remix-run/node';

type ReadChunk = Promise<void> & { result: { done: boolean; value: string } };
type RenderMeta = { streamCache?: Record<number, ReadChunk> };

const readChunk = (done: boolean, value: string): ReadChunk => Object.assign(Promise.resolve(), { result: { done, value } });

export async function settleHandoff(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  const renderMeta = (context as EntryContext & { renderMeta?: RenderMeta }).renderMeta;
  if (!stream || !renderMeta) return;
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  renderMeta.streamCache = { 0: readChunk(false, text), 1: readChunk(true, '') };
  context.serverHandoffStream = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}
