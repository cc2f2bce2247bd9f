/**
 * The matcher's reasons as the consultant reads them: the sentences
 * `npm run match` prints (app/matching/explain.ts), in Danish or English, with
 * skill names in the reader's language where the stored reason holds ESCO URIs.
 */
import { skillLabel } from '../candidates/labels.server.js';
import type { Lng } from '../i18n/i18n.js';
import { renderReason, type Reason } from '../matching/explain.js';

export function reasonSentence(reason: Reason, lng: Lng): string {
  const skills = reason.params.skills;
  const params =
    typeof skills === 'string' && skills
      ? {
          ...reason.params,
          skills: skills
            .split(', ')
            .map((uri) => skillLabel(uri, lng))
            .join(', '),
        }
      : reason.params;
  return renderReason({ code: reason.code, params }, lng === 'en' ? 'en' : 'da');
}
