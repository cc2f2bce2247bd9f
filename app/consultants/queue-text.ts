/**
 * Texts the queue repeats on every row with different names in them. A
 * translation with interpolation is a full i18next lookup per call, and per
 * row those calls were a twentieth of the page's server time; the sentence is
 * translated once, with markers where the names go, and filled in per row.
 */

// NUL: no translation holds it; the names come from PostgreSQL text, which cannot hold it either.
const MARK = '\u0000';

/** The value to give t() for `name`: a marker that fillIn() replaces with each row's value. */
export function slotFor(name: string): string {
  return `${MARK}${name}${MARK}`;
}

type Segment<Name extends string> = { text: string } | { name: Name };

/**
 * A sentence that t() translated with slotFor() markers as its values, as a
 * function of the values: whatever order a language puts the names in, and
 * as often as it uses them (a translation that leaves a name out leaves it
 * out, as i18next would).
 */
export function fillIn<Name extends string>(translated: string, names: readonly Name[]): (values: Record<Name, string>) => string {
  const isName = (part: string): part is Name => names.some((name) => name === part);
  // Split on the markers, the parts alternate: text, name, text, name, …, text.
  const segments: Array<Segment<Name>> = translated
    .split(MARK)
    .map((part, index): Segment<Name> => (index % 2 === 1 && isName(part) ? { name: part } : { text: part }));
  return (values) => {
    let text = '';
    for (const segment of segments) text += 'name' in segment ? values[segment.name] : segment.text;
    return text;
  };
}
