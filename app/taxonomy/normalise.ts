/**
 * Text folding shared by the taxonomy lookup and the search synonyms: both
 * sides of a comparison go through the same function, so spelling variants
 * fold together ("rengøring", "rengoring", "rengoering" → "rengoring").
 */

const combiningMarks = /[\u0300-\u036f]/g;
// Arabic harakat, superscript alef, Quranic marks and tatweel.
const arabicMarks = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const apostrophes = /['’ʼ`´]/g;

/**
 * Lower-cases and folds diacritics and spelling variants:
 * - Danish: æ → ae, ø/oe → o, å/aa → a (so "å" and "aa", "ø" and "oe" meet);
 * - other Latin and Cyrillic diacritics are stripped (é → e, ї → і, й → и);
 * - Arabic: diacritics and tatweel removed, أ/إ/آ/ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .replace(arabicMarks, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ґ/g, 'г')
    .replace(/ё/g, 'е')
    .replace(apostrophes, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o');
}

/**
 * Folded words of a text. The Arabic definite article is dropped from words
 * long enough to carry it ("الصحون" → "صحون"), so both forms match.
 */
export function tokenize(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => (w.length >= 4 && w.startsWith('ال') ? w.slice(2) : w));
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance, giving up (returning
 * max + 1) as soon as the distance must exceed `max`. Reuses three row buffers:
 * the lookup calls it thousands of times per query.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, curr] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (curr[j - 1] + 1 < v) v = curr[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prevPrev[j - 2] + 1 < v) v = prevPrev[j - 2] + 1;
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, curr] = [prev, curr, prevPrev];
  }
  return Math.min(prev[n], max + 1);
}

/** Typo budget for a word: none under 4 letters, 1 for 4–7, 2 for 8 and more. */
export function typoBudget(word: string): number {
  const length = [...word].length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}
