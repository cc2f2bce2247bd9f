/**
 * The skills that go with an occupation, offered as one-click additions: the
 * essential ones ("usually needed") and the optional ones ("often useful").
 * What a click does is the caller's: a submit button of a small form on the
 * candidate's experience step, a button that adds to the slot form's skill
 * lists for an employer. Texts come in as props; the look is
 * skill-suggestions.css ({@link skillSuggestionsStyles}).
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import suggestionStyles from './skill-suggestions.css';

/** The stylesheet, for the `links` of routes that render the suggestions. */
export const skillSuggestionsStyles = suggestionStyles;

export interface SuggestedSkill {
  uri: string;
  label: string;
  relation: 'essential' | 'optional';
}

export interface SkillSuggestionsProps {
  suggestions: readonly SuggestedSkill[];
  title: string;
  hint?: string;
  essentialLabel: string;
  optionalLabel: string;
  /** The button(s) that add one suggested skill; each must name the skill in its visible text. */
  renderAdd: (skill: SuggestedSkill) => ReactNode;
  /** A line under the title, e.g. what was just added. */
  status?: ReactNode;
  /** Chips side by side (one button each), or one row per skill (a name and its buttons). */
  layout?: 'chips' | 'rows';
}

export function SkillSuggestions({
  suggestions,
  title,
  hint,
  essentialLabel,
  optionalLabel,
  renderAdd,
  status,
  layout = 'chips',
}: SkillSuggestionsProps) {
  const titleId = useId();
  const groups = [
    { key: 'essential', label: essentialLabel, items: suggestions.filter((s) => s.relation === 'essential') },
    { key: 'optional', label: optionalLabel, items: suggestions.filter((s) => s.relation === 'optional') },
  ].filter((group) => group.items.length > 0);
  return (
    <section className="skill-suggestions" aria-labelledby={titleId}>
      <h2 id={titleId} className="skill-suggestions__title">
        {title}
      </h2>
      {hint ? <p className="skill-suggestions__hint">{hint}</p> : null}
      <div aria-live="polite">{status}</div>
      {groups.map((group) => (
        <div key={group.key}>
          <h3 className="skill-suggestions__group">{group.label}</h3>
          <ul className={`skill-suggestions__list skill-suggestions__list--${layout}`}>
            {group.items.map((skill) => (
              <li key={skill.uri} className="skill-suggestions__item">
                {renderAdd(skill)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
