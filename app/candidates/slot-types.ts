/** The three schemes, in the order the pages list them. Without imports, so a page can use it without shipping Zod. */
import type { SlotType } from '../../db/schema.js';

export const slotTypes = ['igu', 'praktik', 'loentilskud'] as const satisfies readonly SlotType[];
