/** Limits of skills in a candidate's own words, shared by the domain and the pages (which say them in messages). */

/** How many own-words skills one person may keep: enough to say what they can, not a second CV. */
export const MAX_FREE_SKILLS = 20;
/** Characters in one own-words skill. */
export const MAX_FREE_SKILL_LENGTH = 100;
