/**
 * Skill picker: a React Aria combobox that looks skills up in the taxonomy
 * (GET /api/v1/skills) as the user types, in any language, and collects the
 * chosen skills as removable chips. Each chosen skill is submitted as a hidden
 * input named `name` whose value is the ESCO URI, so the enclosing form works
 * as any other. Keyboard: type, arrows to move, Enter to pick, Backspace or
 * Delete on a focused chip (or its button) to remove it.
 *
 * Visible and accessible texts come in as props (i18n lives elsewhere); the
 * look is skill-picker.css (routes that render the picker link it, see
 * {@link skillPickerStyles}).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, type Key } from 'react-aria-components';
import { X } from 'lucide-react';
import { z } from 'zod';
import type { Locale } from '~/taxonomy/taxonomy';
import pickerStyles from './skill-picker.css';

/** The picker's stylesheet, for the `links` of routes that render it. */
export const skillPickerStyles = pickerStyles;

export interface PickedSkill {
  uri: string;
  label: string;
}

export interface SkillPickerProps {
  name: string;
  label: string;
  lang: Locale;
  defaultValue?: PickedSkill[];
  /** The chosen skills, when the caller keeps them (e.g. to add suggested skills); without it the picker keeps its own. */
  value?: PickedSkill[];
  /** Called with the new list whenever a skill is picked or removed. */
  onChange?: (skills: PickedSkill[]) => void;
  /** Accessible name of a chip's remove button, given the skill's label ("Remove {{skill}}"). */
  removeLabel: (skill: string) => string;
  /** Label of the list of chosen skills. */
  selectedLabel: string;
  /** Shown when a search finds nothing. */
  noResultsLabel: string;
  /** Shown while a search is on its way. */
  loadingLabel: string;
  /** Help text under the field. */
  description?: string;
}

const responseSchema = z.object({
  results: z.array(z.object({ uri: z.string(), label: z.string(), matched: z.string() })),
});

type LookupResult = z.infer<typeof responseSchema>['results'][number];

/** Typing pauses this long before a lookup goes out: one request per word, not per key. */
const LOOKUP_DELAY_MS = 150;

/**
 * The taxonomy's answers for what is typed. A newer query cancels the older
 * request; a cancelled request is expected and not an error (Remix's fetcher
 * left Chrome reporting "BodyStreamBuffer was aborted" for each one).
 */
function useSkillLookup(query: string, lang: Locale): { results: LookupResult[]; loading: boolean } {
  const [answer, setAnswer] = useState<{ query: string; results: LookupResult[] }>({ query: '', results: [] });
  useEffect(() => {
    if (query.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: query, lang, kind: 'skill', limit: '10' });
      fetch(`/api/v1/skills?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((body: unknown) => {
          const parsed = responseSchema.safeParse(body);
          setAnswer({ query, results: parsed.success ? parsed.data.results : [] });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          // Offline or a server error: the list says nothing was found, the form goes on working.
          console.warn('skill lookup failed', error);
          setAnswer({ query, results: [] });
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, lang]);
  return answer.query === query ? { results: answer.results, loading: false } : { results: [], loading: query.length > 0 };
}

export function SkillPicker({
  name,
  label,
  lang,
  defaultValue = [],
  value,
  onChange,
  removeLabel,
  selectedLabel,
  noResultsLabel,
  loadingLabel,
  description,
}: SkillPickerProps) {
  const [ownSelection, setOwnSelection] = useState<PickedSkill[]>(defaultValue);
  const selected = value ?? ownSelection;
  const setSelected = (change: (current: PickedSkill[]) => PickedSkill[]) => {
    const next = change(selected);
    setOwnSelection(next);
    onChange?.(next);
  };
  const [inputValue, setInputValue] = useState('');
  const selectedId = useId();

  const query = inputValue.trim();
  const lookup = useSkillLookup(query, lang);

  const options = useMemo(() => {
    if (query.length === 0) return [];
    const chosen = new Set(selected.map((s) => s.uri));
    return lookup.results.filter((r) => !chosen.has(r.uri)).map((r) => ({ id: r.uri, label: r.label, matched: r.matched }));
  }, [lookup.results, query, selected]);

  const pick = (key: Key | null) => {
    if (key === null) return;
    const option = options.find((o) => o.id === key);
    if (!option) return;
    setSelected((current) => (current.some((s) => s.uri === option.id) ? current : [...current, { uri: option.id, label: option.label }]));
    setInputValue('');
  };

  const remove = (keys: Set<Key>) => setSelected((current) => current.filter((s) => !keys.has(s.uri)));

  return (
    <div className="skill-picker">
      <ComboBox
        className="skill-picker__combobox"
        items={options}
        inputValue={inputValue}
        onInputChange={setInputValue}
        selectedKey={null}
        onSelectionChange={pick}
        menuTrigger="input"
        // Open on "no match" while typing, but not once a pick has emptied the field.
        allowsEmptyCollection={query.length > 0}
        allowsCustomValue
      >
        <Label className="skill-picker__label">{label}</Label>
        <Input className="skill-picker__input" />
        {description ? (
          <Text slot="description" className="skill-picker__description">
            {description}
          </Text>
        ) : null}
        <Popover className="skill-picker__popover" placement="bottom start" offset={4}>
          <ListBox
            className="skill-picker__list"
            renderEmptyState={() => <p className="skill-picker__empty">{lookup.loading ? loadingLabel : noResultsLabel}</p>}
          >
            {(option: { id: string; label: string; matched: string }) => (
              <ListBoxItem id={option.id} textValue={option.label} className="skill-picker__option">
                <Text slot="label">
                  <bdi>{option.label}</bdi>
                </Text>
                {option.matched.toLowerCase() !== option.label.toLowerCase() ? (
                  <Text slot="description" className="skill-picker__option-hint">
                    <bdi>{option.matched}</bdi>
                  </Text>
                ) : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>

      {selected.length > 0 ? (
        <TagGroup aria-labelledby={selectedId} onRemove={remove} className="skill-picker__chosen">
          <span id={selectedId} className="skill-picker__chosen-label">
            {selectedLabel}
          </span>
          <TagList items={selected.map((s) => ({ id: s.uri, ...s }))} className="skill-picker__chips">
            {(skill) => (
              <Tag id={skill.id} textValue={skill.label} className="skill-picker__chip">
                <bdi>{skill.label}</bdi>
                <Button slot="remove" aria-label={removeLabel(skill.label)} className="skill-picker__remove">
                  <X aria-hidden="true" size={16} strokeWidth={2.5} />
                </Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      ) : null}

      {selected.map((s) => (
        <input key={s.uri} type="hidden" name={name} value={s.uri} />
      ))}
    </div>
  );
}
