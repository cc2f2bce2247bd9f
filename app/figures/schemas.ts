/** Query strings of the figures pages and their CSV exports. */
import { z } from 'zod';
import { TABLE_IDS } from './table-ids';

export const figuresQuerySchema = z.object({
  // A hand-edited query string falls back to the default scope, as `map` does, rather than failing the page.
  scope: z.enum(['jobcentre', 'network', 'national']).optional().catch(undefined),
  map: z.enum(['candidates', 'placements', 'ordinaryJobs']).catch('candidates').default('candidates'),
  period: z.enum(['all', '12m', '3m']).catch('all').default('all'),
});

export const csvQuerySchema = figuresQuerySchema.extend({ table: z.enum(TABLE_IDS) });
