import { PassThrough } from 'node:stream';
import { createElement } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

/** The bytes React's streaming renderer writes for `element`. */
function renderBytes(element: ReturnType<typeof createElement>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    sink.on('end', () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onError: reject });
  });
}

describe('server rendering', () => {
  // React 18.3.1 flushed its whole 2 kB buffer when a multibyte character (æ, ø, emoji) did not fit
  // at its end, zero bytes included (facebook/react#31134); patches/react-dom+18.3.1.patch writes only the bytes filled.
  it('never writes NUL bytes when Danish letters and emoji cross the stream buffer', async () => {
    // Short texts (long ones bypass the buffer) of every length modulo a few bytes, so some multibyte character lands on each buffer edge.
    const texts = Array.from({ length: 400 }, (_, i) => `${'a'.repeat(i % 11)}Køkkenmedhjælper 📍 ærø ${i}`);
    const bytes = await renderBytes(createElement('ul', null, ...texts.map((text) => createElement('li', { key: text }, text))));
    expect(bytes.indexOf(0), 'the first NUL byte').toBe(-1);
    expect(bytes.toString('utf8')).toBe(`<ul>${texts.map((text) => `<li>${text}</li>`).join('')}</ul>`);
  });
});
