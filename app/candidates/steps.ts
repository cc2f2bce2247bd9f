/**
 * The profile steps, in order. A module without imports on purpose: the
 * browser bundle of every candidate page needs this list, and taking it from
 * profile-schemas.ts pulled Zod and the taxonomy and postal-code data
 * (≈ 900 kB before compression) into pages that never validate in the browser.
 */
export const profileSteps = ['skills', 'experience', 'languages', 'place', 'availability', 'ambitions'] as const;
export type ProfileStep = (typeof profileSteps)[number];
