/** Names of the figures' tables (one per chart, each exportable as CSV). */
export const TABLE_IDS = ['stages', 'firstOffer', 'ordinaryWork', 'byScheme', 'bySector', 'byOutcome', 'decisions', 'map'] as const;
