/** The matcher's score components for one pair, as a small definition list. */
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A component's label (its name when untranslated). */
export type ComponentLabel = (name: string) => string;

/**
 * Component labels for a list of breakdowns: each name is translated once per
 * render of the list, not once per row (on the queue page, t() per component
 * per row was an eighth of the server's time).
 */
export function useComponentLabels(): ComponentLabel {
  const { t } = useTranslation('consultant');
  return useMemo(() => {
    const labels = new Map<string, string>();
    return (name) => {
      const known = labels.get(name);
      if (known !== undefined) return known;
      const label: string = t(`component.${name}`, { defaultValue: name });
      labels.set(name, label);
      return label;
    };
  }, [t]);
}

/** The breakdown with labels from the caller (see useComponentLabels); for lists. */
export function ScoreBreakdownList({ components, labelOf }: { components: Record<string, number>; labelOf: ComponentLabel }) {
  const entries = Object.entries(components);
  if (entries.length === 0) return <span>–</span>;
  return (
    // Terms and values straight in the list, without a <div> per pair: on the queue the pairs are most of the page's elements.
    <dl className="score-breakdown">
      {entries.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{labelOf(name)}</dt>
          <dd>{value.toFixed(2)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** One breakdown on its own (e.g. the proposal page). */
export function ScoreBreakdown({ components }: { components: Record<string, number> }) {
  const labelOf = useComponentLabels();
  return <ScoreBreakdownList components={components} labelOf={labelOf} />;
}
