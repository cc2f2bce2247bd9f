/**
 * The slot form's suggested skills: once an occupation is chosen, its
 * essential and optional skills (curated after ESCO), each with two buttons
 * that add it to the required or the nice-to-have skills. With JavaScript a
 * click adds it to the skill picker at once; without, the button is Conform's
 * `update` intent, so the form comes back with the skill added and nothing
 * saved. A "show" button (without JavaScript only) brings the suggestions for
 * a newly chosen occupation the same way (a `validate` intent).
 */
import type { FormMetadata } from '@conform-to/react';
import { Plus } from 'lucide-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkillSuggestions, type SuggestedSkill } from '~/components/skill-suggestions';
import type { SlotFormOptions } from './slot-form-options.server';

export type SkillListName = 'mustSkills' | 'niceSkills';

type Props = {
  // The slot form's own Conform form (its field names and intents).
  form: FormMetadata<Record<string, string | string[] | undefined>, string[]>;
  options: Pick<SlotFormOptions, 'occupations' | 'skills'>;
  occupationUri: string | undefined;
  chosen: Record<SkillListName, readonly string[]>;
  onAdd: (list: SkillListName, skill: { uri: string; label: string }) => void;
};

export function SlotSkillSuggestions({ form, options, occupationUri, chosen, onAdd }: Props) {
  const { t } = useTranslation('lookup');
  const [lastAdded, setLastAdded] = useState<{ list: SkillListName; label: string } | null>(null);
  const occupation = options.occupations.find((o) => o.value === occupationUri);
  const taken = new Set([...chosen.mustSkills, ...chosen.niceSkills]);
  const toSuggestion = (relation: SuggestedSkill['relation']) => (position: number) => {
    const skill = options.skills[position];
    return skill && !taken.has(skill.value) ? [{ uri: skill.value, label: skill.label, relation }] : [];
  };
  const suggestions = occupation
    ? [...occupation.essentialSkills.flatMap(toSuggestion('essential')), ...occupation.optionalSkills.flatMap(toSuggestion('optional'))]
    : [];

  const addButton = (list: SkillListName, skill: SuggestedSkill) => {
    const { name, value, ...rest } = form.update.getButtonProps({ name: list, value: [...chosen[list], skill.uri] });
    const add = (event: MouseEvent<HTMLButtonElement>) => {
      event.preventDefault();
      onAdd(list, skill);
      setLastAdded({ list, label: skill.label });
    };
    return (
      <button
        {...rest}
        type="submit"
        name={name}
        value={value}
        formNoValidate
        className="skill-suggestions__add"
        aria-label={t(list === 'mustSkills' ? 'suggestions.addMustName' : 'suggestions.addNiceName', { skill: skill.label })}
        onClick={add}
      >
        <Plus size={16} aria-hidden="true" />
        {t(list === 'mustSkills' ? 'suggestions.addMust' : 'suggestions.addNice')}
      </button>
    );
  };

  return (
    <>
      <noscript>
        <button {...form.validate.getButtonProps({ name: 'occupationUri' })} formNoValidate className="button button--quiet">
          {t('suggestions.show')}
        </button>
      </noscript>
      {suggestions.length > 0 ? (
        <SkillSuggestions
          suggestions={suggestions}
          title={t('suggestions.employerTitle')}
          hint={t('suggestions.employerHint')}
          essentialLabel={t('suggestions.essential')}
          optionalLabel={t('suggestions.optional')}
          layout="rows"
          status={
            lastAdded ? (
              <p className="skill-suggestions__done">
                {t(lastAdded.list === 'mustSkills' ? 'suggestions.addedMust' : 'suggestions.addedNice', { skill: lastAdded.label })}
              </p>
            ) : null
          }
          renderAdd={(skill) => (
            <>
              <bdi className="skill-suggestions__name">{skill.label}</bdi>
              <span className="skill-suggestions__buttons">
                {addButton('mustSkills', skill)}
                {addButton('niceSkills', skill)}
              </span>
            </>
          )}
        />
      ) : null}
    </>
  );
}
