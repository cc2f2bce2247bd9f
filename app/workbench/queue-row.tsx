/**
 * One compact queue row (issue 24, item 3): the score as a bar, the
 * requirements side by side (each must-have skill ✓/✗, Danish needed vs
 * held, distance vs the candidate's limit, start vs availability), and the
 * approval rules the row would fail, in Danish, with their source. One line
 * high, so at least 15 rows fit on a 1920×1080 screen.
 */
import type { MouseEvent } from 'react';
import type { RuleDetail } from '~/rules/verdict';
import type { Requirements } from './requirements';
import { TriangleAlert } from 'lucide-react';

type Check = 'met' | 'close' | 'unmet';

export type QueueRowItem = {
  proposal_id: string;
  source: 'matcher' | 'interest';
  score: number | null;
  slot_title: string;
  slot_type: 'igu' | 'praktik' | 'loentilskud';
  slot_start_date: string;
  organisation_name: string;
  candidate_name: string;
  own: boolean;
  homeJobcentreName: string | null;
  daysWaiting: number;
  requirements: (Omit<Requirements, 'skills'> & { skills: Array<{ uri: string; held: boolean; label: string }> }) | null;
  flags: Array<{ rule: string; message: string; source: string; detail: RuleDetail | null }>;
};

export type QueueRowTexts = {
  interestTag: string;
  pooledTag: string;
  schemeLabel: Record<'igu' | 'praktik' | 'loentilskud', string>;
  selectPair: (values: { candidate: string; slot: string }) => string;
  homeDecides: (jobcentre: string) => string;
  days: (count: number) => string;
  ruleText: (rule: string) => string;
  ruleShort: (rule: string) => string;
  /** The flag's finding in the reader's language (falls back to the rule's English message). */
  ruleDetail: (flag: { message: string; detail: RuleDetail | null }) => string;
  sourceLabel: string;
  noMustHaves: string;
  danish: string;
  km: string;
  start: string;
  unknownKm: string;
  scoreLabel: (score: string) => string;
};

/** The row's checkbox in the decision form: ticked when a refused form comes back, and marked when nothing was ticked. */
export type QueueRowSelection = { ticked: boolean; invalid: boolean; errorId: string };

const MARK: Record<Check, string> = { met: '✓', close: '≈', unmet: '✗' };

function Mark({ check }: { check: Check }) {
  return <span className={`check check--${check}`}>{MARK[check]}</span>;
}

export function QueueRow({
  item,
  texts,
  onFollow,
  selection,
}: {
  item: QueueRowItem;
  texts: QueueRowTexts;
  onFollow: (event: MouseEvent<HTMLAnchorElement>) => void;
  selection: QueueRowSelection;
}) {
  const req = item.requirements;
  const score = item.score === null ? null : Math.max(0, Math.min(100, item.score));
  return (
    <tr className={item.flags.length > 0 ? 'queue-row queue-row--flagged' : 'queue-row'}>
      <td>
        {item.own ? (
          <input
            type="checkbox"
            name="proposalId"
            value={item.proposal_id}
            defaultChecked={selection.ticked}
            aria-invalid={selection.invalid || undefined}
            aria-describedby={selection.invalid ? selection.errorId : undefined}
            aria-label={texts.selectPair({ candidate: item.candidate_name, slot: item.slot_title })}
          />
        ) : (
          <span className="hint" title={texts.homeDecides(item.homeJobcentreName ?? '')}>
            {texts.homeDecides(item.homeJobcentreName ?? '')}
          </span>
        )}
      </td>
      <td className="cell-clip">
        <a href={`/consultant/proposals/${item.proposal_id}`} onClick={onFollow}>
          {item.candidate_name}
        </a>
        {item.source === 'interest' ? <strong className="tag">{texts.interestTag}</strong> : null}
        {!item.own ? <span className="tag">{texts.pooledTag}</span> : null}
      </td>
      <td className="cell-clip" title={`${item.slot_title} – ${item.organisation_name} (${texts.schemeLabel[item.slot_type]})`}>
        {`${item.slot_title} – ${item.organisation_name} · ${texts.schemeLabel[item.slot_type]}`}
      </td>
      <td>
        {score === null ? (
          '–'
        ) : (
          <span className="score-bar" role="img" aria-label={texts.scoreLabel(score.toFixed(0))}>
            <span className="score-bar__fill" style={{ inlineSize: `${score}%` }} />
            <span className="score-bar__value">{score.toFixed(0)}</span>
          </span>
        )}
      </td>
      <td className="cell-clip">
        {req === null ? '–' : req.skills.length === 0 ? <span className="hint">{texts.noMustHaves}</span> : null}
        {req?.skills.map((skill) => (
          <span key={skill.uri} className={`skill-check skill-check--${skill.held ? 'met' : 'unmet'}`} title={skill.label}>
            <Mark check={skill.held ? 'met' : 'unmet'} /> {skill.label}
          </span>
        ))}
      </td>
      <td className="nowrap">
        {req ? (
          <>
            <Mark check={req.danish.check} /> {req.danish.needed} / {req.danish.held}
          </>
        ) : (
          '–'
        )}
      </td>
      <td className="nowrap">
        {req ? (
          <>
            <Mark check={req.distance.check} /> {req.distance.km === null ? texts.unknownKm : `${req.distance.km}`} / {req.distance.limit} {texts.km}
          </>
        ) : (
          '–'
        )}
      </td>
      <td className="nowrap">
        {req ? (
          <>
            <Mark check={req.start.check} /> {req.start.date}
            {req.start.check === 'unmet' ? ` (${req.start.availableFrom})` : ''}
          </>
        ) : (
          item.slot_start_date
        )}
      </td>
      <td className="nowrap">{texts.days(item.daysWaiting)}</td>
      <td className="cell-clip">
        {item.flags.map((flag) => (
          <span
            key={flag.rule}
            className="rule-flag"
            title={`${texts.ruleText(flag.rule)} ${texts.ruleDetail(flag)} ${texts.sourceLabel}: ${flag.source}`}
          >
            <TriangleAlert aria-hidden="true" size={14} /> {texts.ruleShort(flag.rule)}
          </span>
        ))}
      </td>
    </tr>
  );
}
