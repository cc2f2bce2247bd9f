import { describe, expect, it } from 'vitest';
import { resources } from './resources';

type Tree = Record<string, unknown>;

/** Every leaf key of a namespace, dotted. */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? leafKeys(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The count keys of Danish (an `_other` form that shows `{{count}}`), as base keys without the suffix. */
function countKeys(tree: Tree): string[] {
  return leafKeys(tree)
    .filter(
      (key) =>
        key.endsWith('_other') && String(key.split('.').reduce<unknown>((node, part) => Reflect.get(Object(node), part), tree)).includes('{{count}}'),
    )
    .map((key) => key.replace(SUFFIX, ''));
}

describe('plural forms', () => {
  for (const lng of ['ar', 'uk'] as const) {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    it(`every count a namespace translates into ${lng} has all of ${lng}'s plural forms (${categories.join(', ')})`, () => {
      const missing: string[] = [];
      for (const [namespace, danish] of Object.entries(resources.da)) {
        const translated: Tree | undefined = Reflect.get(resources[lng], namespace);
        if (!translated) continue;
        const keys = new Set(leafKeys(translated));
        for (const base of countKeys(danish as Tree)) {
          const forms = categories.map((category) => `${base}_${category}`);
          const present = forms.filter((form) => keys.has(form));
          // A count left untranslated falls back to Danish; one translated must be translated in every form.
          if (present.length === 0 && !keys.has(base)) continue;
          for (const form of forms) if (!keys.has(form)) missing.push(`${namespace}:${form}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
