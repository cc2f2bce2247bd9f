/**
 * Reading a form page a test posted to: the control of a field (its tag in
 * the server-rendered HTML), whether it is marked invalid and what it holds,
 * and the page's text, so a test can check that bad input names the field
 * beside it and loses nothing, without JavaScript.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** The HTML's text with React's escapes undone (for comparing with a translation). */
export function decoded(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Every control (input, select, textarea) named `name`, as its opening tag. */
export function controlsNamed(html: string, name: string): string[] {
  return (html.match(/<(?:input|select|textarea)\b[^>]*>/g) ?? []).filter((tag) => tag.includes(` name="${name}"`));
}

/** The one visible control named `name` is marked invalid and points at the message that says why. */
export function invalidControl(html: string, name: string): { describedBy: string[]; tag: string } {
  const [tag, ...more] = controlsNamed(html, name).filter((one) => !one.includes('type="hidden"'));
  if (!tag || more.length > 0) throw new Error(`Expected one control named ${name}, found ${more.length + (tag ? 1 : 0)}`);
  if (!tag.includes('aria-invalid="true"')) throw new Error(`${name} is not marked invalid: ${tag}`);
  const describedBy = /aria-describedby="([^"]*)"/.exec(tag)?.[1]?.split(' ') ?? [];
  return { describedBy, tag };
}

/** The text of the element with `id` (its first text run, tags dropped). */
export function textOfId(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match ? decoded((match[2] ?? '').replace(/<[^>]+>/g, '')) : '';
}

/** The messages shown for a field: the texts its control's aria-describedby names. */
export function messagesFor(html: string, name: string): string {
  return invalidControl(html, name)
    .describedBy.map((id) => textOfId(html, id))
    .join(' ');
}

/**
 * Where a page repeats a field (a form per card: several controls named
 * `name`), the one control marked invalid and the messages it points at.
 */
export function refusedAmong(html: string, name: string): { tag: string; message: string } {
  const invalid = controlsNamed(html, name).filter((tag) => tag.includes('aria-invalid="true"'));
  if (invalid.length !== 1) throw new Error(`Expected one invalid control named ${name}, found ${invalid.length}`);
  const tag = invalid[0]!;
  const describedBy = /aria-describedby="([^"]*)"/.exec(tag)?.[1]?.split(' ') ?? [];
  return { tag, message: describedBy.map((id) => textOfId(html, id)).join(' ') };
}
