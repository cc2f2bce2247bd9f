import { describe, expect, it } from 'vitest';
import { pipelineStage } from './placements.server.js';

describe("the stage of an approved match on the consultant's placements page", () => {
  it('shows an employer who declined, even before the candidate answered about sharing (issue 23)', () => {
    expect(pipelineStage({ shared: null, employer_decision: 'decline', placement_status: null })).toBe('employer_declined');
    expect(pipelineStage({ shared: false, employer_decision: 'decline', placement_status: null })).toBe('employer_declined');
  });

  it('still waits for the candidate when the employer invited before they shared', () => {
    expect(pipelineStage({ shared: null, employer_decision: 'invite', placement_status: null })).toBe('awaiting_consent');
    expect(pipelineStage({ shared: true, employer_decision: 'invite', placement_status: null })).toBe('ready');
    expect(pipelineStage({ shared: true, employer_decision: null, placement_status: null })).toBe('awaiting_employer');
    expect(pipelineStage({ shared: true, employer_decision: 'invite', placement_status: 'planned' })).toBe('planned');
  });
});
