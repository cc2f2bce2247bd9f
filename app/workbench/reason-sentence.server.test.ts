import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { reasonSentence } from './reason-sentence.server.js';

describe('reasonSentence', () => {
  const [first, second] = [...getTaxonomy().skillByUri.values()];
  const reason = { code: 'skills.missing_required' as const, params: { missing: 2, total: 3, skills: `${first.uri}, ${second.uri}` } };

  it('names the missing skills in the reader’s language, never by their ESCO URIs', () => {
    const danish = reasonSentence(reason, 'da');
    expect(danish).toBe(`Mangler 2 af 3 krævede kompetencer: ${first.labels.da}, ${second.labels.da}`);
    expect(reasonSentence(reason, 'en')).toBe(`Lacks 2 of 3 must-have skills: ${first.labels.en}, ${second.labels.en}`);
  });

  it('leaves a reason without skills as the matcher says it', () => {
    expect(reasonSentence({ code: 'waiting.days', params: { days: 12 } }, 'da')).toBe('Har ventet 12 dage på et virksomhedsrettet tilbud');
  });
});
