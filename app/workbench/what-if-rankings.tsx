/**
 * The what-if page's two rankings side by side (stacked on a phone): now,
 * and with the changes, each candidate's movement as an icon with its
 * places, the score as a bar, and the matcher's reasons as sentences; below,
 * who would drop out and the hard rule that leaves them out.
 */
import { ArrowDown, ArrowUp, Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Movement } from './what-if';

export type RankingRow = {
  candidateId: string;
  name: string;
  rank: number;
  score: number;
  /** Full sentences in the reader's language. */
  reasons: string[];
  proposal: { id: string; status: 'proposed' | 'approved' | 'rejected' | 'stale' } | null;
  pooled: boolean;
  movement: Movement;
};

export type DroppedRow = { candidateId: string; name: string; rankNow: number; exclusion: string | null };

function ScoreBar({ score, label }: { score: number; label: string }) {
  const width = Math.max(0, Math.min(100, score));
  return (
    <span className="score-bar" role="img" aria-label={label}>
      <span className="score-bar__fill" style={{ inlineSize: `${width}%` }} />
      <span className="score-bar__value">{score.toFixed(0)}</span>
    </span>
  );
}

function MovementMark({ movement }: { movement: Movement }) {
  const { t } = useTranslation('whatif');
  const props = { 'aria-hidden': true, className: 'what-if-move__icon', size: 16, strokeWidth: 2.5 } as const;
  switch (movement.kind) {
    case 'up':
      return (
        <span className="what-if-move what-if-move--up" title={t('move.up', { count: movement.places })}>
          <ArrowUp {...props} />
          <span className="visually-hidden">{t('move.up', { count: movement.places })}</span>
          <span aria-hidden="true">{movement.places}</span>
        </span>
      );
    case 'down':
      return (
        <span className="what-if-move what-if-move--down" title={t('move.down', { count: movement.places })}>
          <ArrowDown {...props} />
          <span className="visually-hidden">{t('move.down', { count: movement.places })}</span>
          <span aria-hidden="true">{movement.places}</span>
        </span>
      );
    case 'new':
      return (
        <span className="what-if-move what-if-move--new" title={t('move.new')}>
          <Plus {...props} />
          <span>{t('move.newShort')}</span>
        </span>
      );
    default:
      return (
        <span className="what-if-move what-if-move--same" title={t('move.same')}>
          <Minus {...props} />
          <span className="visually-hidden">{t('move.same')}</span>
        </span>
      );
  }
}

function Candidate({ row }: { row: RankingRow }) {
  const { t } = useTranslation('whatif');
  return (
    <>
      {row.proposal ? <a href={`/consultant/proposals/${row.proposal.id}`}>{row.name}</a> : row.name}{' '}
      {row.proposal ? <span className="status-badge">{t(`proposalStatus.${row.proposal.status}`)}</span> : null}
      {row.pooled ? <span className="tag"> {t('pooled')}</span> : null}
    </>
  );
}

export function WhatIfRankings({ current, whatIf, dropped }: { current: RankingRow[]; whatIf: RankingRow[] | null; dropped: DroppedRow[] }) {
  const { t } = useTranslation('whatif');
  const scoreLabel = (score: number) => t('scoreLabel', { score: score.toFixed(0) });
  return (
    <div className="what-if-columns">
      <section aria-labelledby="now-heading" className="what-if-column">
        <h2 id="now-heading">{t('now.heading')}</h2>
        {current.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <table className="data-table queue-table what-if-table" data-testid="ranking-now">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('columns.candidate')}</th>
                <th scope="col">{t('columns.score')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((row) => (
                <tr key={row.candidateId} data-candidate={row.candidateId}>
                  <td className="what-if-rank">{row.rank}</td>
                  <td>
                    <Candidate row={row} />
                  </td>
                  <td>
                    <ScoreBar score={row.score} label={scoreLabel(row.score)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="what-if-heading" className="what-if-column what-if-column--changes">
        <h2 id="what-if-heading">{t('whatIf.heading')}</h2>
        {whatIf === null ? (
          <p className="hint">{t('whatIf.notTried')}</p>
        ) : whatIf.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <table className="data-table queue-table what-if-table" data-testid="ranking-what-if">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('columns.movement')}</th>
                <th scope="col">{t('columns.candidate')}</th>
                <th scope="col">{t('columns.score')}</th>
              </tr>
            </thead>
            <tbody>
              {whatIf.map((row) => (
                <tr key={row.candidateId} data-candidate={row.candidateId} data-movement={row.movement.kind}>
                  <td className="what-if-rank">{row.rank}</td>
                  <td>
                    <MovementMark movement={row.movement} />
                  </td>
                  <td>
                    <Candidate row={row} />
                    <details className="what-if-reasons" open={row.movement.kind === 'new'}>
                      <summary>{t('reasons', { count: row.reasons.length })}</summary>
                      <ul>
                        {row.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td>
                    <ScoreBar score={row.score} label={scoreLabel(row.score)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {whatIf !== null && dropped.length > 0 ? (
          <section aria-labelledby="dropped-heading" className="what-if-dropped">
            <h3 id="dropped-heading">{t('dropped.heading', { count: dropped.length })}</h3>
            <ul>
              {dropped.map((row) => (
                <li key={row.candidateId} data-candidate={row.candidateId}>
                  <strong>{row.name}</strong> ({t('dropped.wasRank', { rank: row.rankNow })}): {row.exclusion ?? t('dropped.belowTop')}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>
    </div>
  );
}
