import { describe, expect, it } from 'vitest';
import { csvQuerySchema, figuresQuerySchema } from './schemas';

describe('figuresQuerySchema', () => {
  it('keeps a known scope, map and period', () => {
    expect(figuresQuerySchema.parse({ scope: 'network', map: 'placements', period: '12m' })).toEqual({
      scope: 'network',
      map: 'placements',
      period: '12m',
    });
  });

  // A hand-edited ?scope= made the consultant's figures page answer 500 (found by the fuzz suite).
  it.each(["' OR '1'='1", '', 'a\u0000b', 'national2'])('falls back to the default for the unknown scope %j', (scope) => {
    expect(figuresQuerySchema.parse({ scope, map: 'nonsense', period: scope })).toEqual({ scope: undefined, map: 'candidates', period: 'all' });
  });

  it('still refuses an unknown CSV table', () => {
    expect(csvQuerySchema.safeParse({ scope: 'x', table: 'nonsense' }).success).toBe(false);
    expect(csvQuerySchema.safeParse({ scope: 'x', table: 'bySector' }).data).toMatchObject({ scope: undefined, table: 'bySector' });
  });
});
