/** Query strings of the figures pages and their CSV exports. */
import { z } from 'zod';
import { TABLE_IDS } from './table-ids';

export const figuresQuerySchema = z.object({
  scope: z.enum(['jobcentre', 'network', 'national']).optional(),
  map: z.enum(['candidates', 'placements', 'ordinaryJobs']).catch('candidates').default('candidates'),
});

export const csvQuerySchema = figuresQuerySchema.extend({ table: z.enum(TABLE_IDS) });
