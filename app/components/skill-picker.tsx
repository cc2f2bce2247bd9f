/**
 * Skill picker: a React Aria combobox that looks skills up in the taxonomy
 * (GET /api/v1/skills) as the user types, in any language, and collects the
 * chosen skills as removable chips. Each chosen skill is submitted as a hidden
 * input named `name` whose value is the ESCO URI, so the enclosing form works
 * as any other. Keyboard: type, arrows to move, Enter to pick, Backspace or
 * Delete on a focused chip (or its button) to remove it.
 *
 * Visible and accessible texts come in as props (i18n lives elsewhere).
 */
import { useFetcher } from '@remix-run/react';
import { useEffect, useId, useMemo, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
  type Key,
} from 'react-aria-components';
import { z } from 'zod';
import type { Locale } from '~/taxonomy/taxonomy';

export interface PickedSkill {
  uri: string;
  label: string;
}

export interface SkillPickerProps {
  name: string;
  label: string;
  lang: Locale;
  defaultValue?: PickedSkill[];
  /** Accessible name of a chip's remove button, followed by the skill's label. */
  removeLabel?: string;
  /** Label of the list of chosen skills. */
  selectedLabel?: string;
  /** Shown when a search finds nothing. */
  noResultsLabel?: string;
  /** Help text under the field. */
  description?: string;
}

const responseSchema = z.object({
  results: z.array(z.object({ uri: z.string(), label: z.string(), matched: z.string() })),
});

export function SkillPicker({
  name,
  label,
  lang,
  defaultValue = [],
  removeLabel = 'Remove',
  selectedLabel = 'Chosen',
  noResultsLabel = 'No matching skills',
  description,
}: SkillPickerProps) {
  const fetcher = useFetcher();
  // Stable across renders (React Router makes it with useCallback), unlike the fetcher object itself.
  const loadSuggestions = fetcher.load;
  const [selected, setSelected] = useState<PickedSkill[]>(defaultValue);
  const [inputValue, setInputValue] = useState('');
  const selectedId = useId();

  const query = inputValue.trim();
  useEffect(() => {
    if (query.length === 0) return;
    const params = new URLSearchParams({ q: query, lang, kind: 'skill', limit: '10' });
    loadSuggestions(`/api/v1/skills?${params}`);
  }, [query, lang, loadSuggestions]);

  const options = useMemo(() => {
    if (query.length === 0) return [];
    const parsed = responseSchema.safeParse(fetcher.data);
    if (!parsed.success) return [];
    const chosen = new Set(selected.map((s) => s.uri));
    return parsed.data.results
      .filter((r) => !chosen.has(r.uri))
      .map((r) => ({ id: r.uri, label: r.label, matched: r.matched }));
  }, [fetcher.data, query, selected]);

  const pick = (key: Key | null) => {
    if (key === null) return;
    const option = options.find((o) => o.id === key);
    if (!option) return;
    setSelected((current) => (current.some((s) => s.uri === option.id) ? current : [...current, { uri: option.id, label: option.label }]));
    setInputValue('');
  };

  const remove = (keys: Set<Key>) => setSelected((current) => current.filter((s) => !keys.has(s.uri)));

  return (
    <div className="flex flex-col gap-2">
      <ComboBox
        className="flex flex-col gap-1"
        items={options}
        inputValue={inputValue}
        onInputChange={setInputValue}
        selectedKey={null}
        onSelectionChange={pick}
        menuTrigger="input"
        allowsEmptyCollection
        allowsCustomValue
      >
        <Label className="font-medium">{label}</Label>
        <Input className="rounded border border-gray-400 px-3 py-2" />
        {description ? <Text slot="description" className="text-sm text-gray-600">{description}</Text> : null}
        <Popover className="min-w-[--trigger-width] rounded border border-gray-300 bg-white shadow-lg">
          <ListBox
            className="max-h-72 overflow-auto p-1 outline-none"
            renderEmptyState={() => (
              <p className="px-3 py-2 text-sm text-gray-600">{fetcher.state === 'loading' ? '…' : noResultsLabel}</p>
            )}
          >
            {(option: { id: string; label: string; matched: string }) => (
              <ListBoxItem
                id={option.id}
                textValue={option.label}
                className="cursor-default rounded px-3 py-2 outline-none data-[focused]:bg-blue-100"
              >
                <Text slot="label">{option.label}</Text>
                {option.matched.toLowerCase() !== option.label.toLowerCase() ? (
                  <Text slot="description" className="block text-sm text-gray-600">
                    {option.matched}
                  </Text>
                ) : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>

      {selected.length > 0 ? (
        <TagGroup aria-labelledby={selectedId} onRemove={remove} className="flex flex-col gap-1">
          <span id={selectedId} className="text-sm text-gray-700">
            {selectedLabel}
          </span>
          <TagList items={selected.map((s) => ({ id: s.uri, ...s }))} className="flex flex-wrap gap-2">
            {(skill) => (
              <Tag id={skill.id} textValue={skill.label} className="flex items-center gap-1 rounded-full bg-gray-100 ps-3 pe-1 py-1 outline-none data-[focus-visible]:ring-2">
                {skill.label}
                <Button slot="remove" aria-label={`${removeLabel} ${skill.label}`} className="rounded-full px-2">
                  <span aria-hidden="true">×</span>
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
