/**
 * The labels for loaders. Routes import them from here, not from labels.ts:
 * Remix leaves `.server` modules out of the browser bundle, whereas a
 * loader-only import of labels.ts still shipped the taxonomy and the geo
 * data (with Zod, ≈ 900 kB before compression) to every candidate page.
 */
export * from './labels.js';
