/** LIKE/ILIKE patterns for user text. */

/** A pattern matching `text` anywhere, with LIKE's wildcards (and the escape character) taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
