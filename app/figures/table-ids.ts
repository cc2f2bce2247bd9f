/** Names of the figures' tables (one per chart, each exportable as CSV). */
export const TABLE_IDS = ['stages', 'funnel', 'firstOffer', 'ordinaryWork', 'byScheme', 'bySector', 'byOutcome', 'decisions', 'map'] as const;
