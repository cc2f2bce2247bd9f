/**
 * Jobbro's one text analysis: how a text becomes the words that are indexed
 * and searched. The taxonomy lookup (app/taxonomy/lookup.ts) and the
 * embedded search engine's text fields (search/embedded-engine.ts) both use
 * it, so a word that finds a skill in the lookup finds the same skill's
 * words in a slot or candidate text.
 *
 * Per language:
 * - Arabic: diacritics and tatweel dropped; alef and hamza forms, taa
 *   marbuta and alef maqsura unified; the article ال with its attached
 *   prepositions (و ف ب ك ل) dropped; common plural endings dropped; then
 *   Orama's Arabic stemmer.
 * - Ukrainian, Danish, English: Orama's stemmer for the language, then
 *   folding (æ → ae, ø → o, å/aa → a, accents and the Ukrainian apostrophe
 *   dropped) so texts typed without special letters meet the written ones.
 * Text of an unknown language is analysed by script: Arabic letters as
 * Arabic, Cyrillic as Ukrainian, everything else as Danish.
 */
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as danishStemmer } from '@orama/stemmers/danish';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';

export const analysisLanguages = ['da', 'en', 'ar', 'uk'] as const;
export type AnalysisLanguage = (typeof analysisLanguages)[number];

/** Letters, combining marks and digits of any script make words; apostrophes inside words are dropped first. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const APOSTROPHES = /['’ʼ`´]/g;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
// Harakat, superscript alef, Quranic marks and tatweel: written or not, the word is the same.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Words the lookup and the engine ignore: they carry no skill and, since every
 * query word must match, would make "work in a kitchen" find nothing.
 */
const STOP_WORDS: Record<AnalysisLanguage, ReadonlySet<string>> = {
  da: new Set(['og', 'i', 'på', 'af', 'at', 'en', 'et', 'med', 'til', 'for', 'som', 'om', 'den', 'det', 'de']),
  en: new Set(['and', 'in', 'on', 'of', 'a', 'an', 'the', 'to', 'for', 'with', 'as', 'at', 'or']),
  ar: new Set(['في', 'و', 'من', 'على', 'الى', 'إلى', 'عن', 'مع', 'او', 'أو']),
  uk: new Set(['і', 'й', 'та', 'в', 'у', 'на', 'з', 'із', 'зі', 'до', 'для', 'або', 'по']),
};

/** The words of a text, lower-cased, in order (repeats kept). */
export function textWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().replace(APOSTROPHES, '').match(WORD) ?? [];
}

/** The language whose analysis fits a word when the text's language is not known. */
export function languageOfScript(word: string): AnalysisLanguage {
  if (ARABIC_SCRIPT.test(word)) return 'ar';
  if (CYRILLIC_SCRIPT.test(word)) return 'uk';
  return 'da';
}

/** Arabic spelling variants unified (no stemming): marks, alef/hamza forms, taa marbuta, alef maqsura. */
export function normaliseArabic(word: string): string {
  return word
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/**
 * Drops the article and the prepositions written onto it: ال, وال, فال, بال,
 * كال, and لل (ل + ال), keeping at least three letters of the word itself
 * (so "الة" and "لله" stay whole). A lone و or ف is not dropped: too many
 * words begin with those letters ("وظيفة", "فني").
 */
function dropArabicArticle(word: string): string {
  const match = /^(?:[وف]?[بكل]?ال|[وف]?لل)(.+)$/u.exec(word);
  return match && [...match[1]].length >= 3 ? match[1] : word;
}

/** Sound plural endings (ات, ون, ين) dropped when three letters remain: "شبكات" meets "شبكة". */
function dropArabicPlural(word: string): string {
  const match = /^(.+)(?:ات|ون|ين)$/u.exec(word);
  return match && [...match[1]].length >= 3 ? match[1] : word;
}

/** Latin and Cyrillic folding after stemming: Danish letters spelled out, accents dropped. */
function fold(word: string): string {
  return word
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/ß/g, 'ss')
    .replace(/ґ/g, 'г')
    .replace(/ё/g, 'е')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .normalize('NFC');
}

const wordCache: Record<AnalysisLanguage, Map<string, string>> = { da: new Map(), en: new Map(), ar: new Map(), uk: new Map() };
const MAX_CACHED_WORDS = 100_000;

/**
 * One lower-cased word (as {@link textWords} returns it) analysed for a
 * language: the form that is indexed and searched. Stop words give ''.
 */
export function analyseWord(word: string, language: AnalysisLanguage): string {
  const cache = wordCache[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let token: string;
  if (STOP_WORDS[language].has(word)) token = '';
  else if (language === 'ar') {
    const normalised = normaliseArabic(word);
    if (STOP_WORDS.ar.has(normalised)) token = '';
    else {
      const bare = dropArabicPlural(dropArabicArticle(normalised));
      // The stemmer strips some prefixes itself; words it would reduce to under two letters keep their bare form.
      const stem = normaliseArabic(arabicStemmer(bare));
      token = [...stem].length >= 2 ? stem : bare;
    }
  } else if (language === 'uk') token = fold(ukrainianStemmer(word));
  else if (language === 'en') token = fold(englishStemmer(word));
  else token = fold(danishStemmer(word));
  if (cache.size < MAX_CACHED_WORDS) cache.set(word, token);
  return token;
}

/**
 * The analysed words of a text, each once, in order of first appearance. With
 * a language, every word is analysed for it; without, each word by its script.
 */
export function analyseText(text: string, language?: AnalysisLanguage): string[] {
  const tokens = new Set<string>();
  for (const word of textWords(text)) {
    const token = analyseWord(word, language ?? languageOfScript(word));
    if (token !== '') tokens.add(token);
  }
  return [...tokens];
}

/**
 * A key under which spelling variants of a term meet, for comparing whole
 * terms (synonym lists): its analysed words joined by spaces.
 */
export function termKey(term: string, language?: AnalysisLanguage): string {
  return analyseText(term, language).join(' ');
}
