/**
 * Dev-time curation helper: joins the hand-written translations in
 * db/data/taxonomy/curation/*.txt with ESCO's URIs, ISCO groups and English
 * labels, and writes db/data/taxonomy/{skills,occupations}.json.
 *
 * It reads ESCO's English CSV files from db/data/taxonomy/esco/, which hold
 * only the ESCO rows the curation uses. Given the folder of the full ESCO
 * download instead, it reads that and rewrites the extract (after adding
 * concepts to the curation). It is never run by the app or the tests: the
 * committed JSON is the product's data.
 *
 *   npx tsx scripts/build-taxonomy.ts                 # from the extract
 *   npx tsx scripts/build-taxonomy.ts <esco-csv-dir>  # from the full ESCO files
 *
 * Curation line formats (`~` separates fields, `|` separates label|synonyms):
 *   everyday-*.txt:    o|s ~ en ~ language ~ synonym|synonym
 *   skills-*.txt:      en ~ s|k ~ sectors ~ da ~ ar ~ uk [~ extra en synonyms]
 *   occupations.txt:   en ~ sector ~ da ~ ar ~ uk ~ essential en labels (;) ~ optional en labels (;) [~ extra en synonyms]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const escoDir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'db/data/taxonomy/esco');
const dataDir = join(root, 'db/data/taxonomy');
const curationDir = join(dataDir, 'curation');

type Row = Record<string, string>;

/** RFC 4180 CSV with quoted multi-line fields. */
function parseCsv(text: string): Row[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function escoIndex(file: string): Map<string, Row> {
  const byLabel = new Map<string, Row>();
  for (const row of parseCsv(readFileSync(join(escoDir, file), 'utf8'))) {
    byLabel.set((row.preferredLabel ?? '').trim().toLowerCase(), row);
  }
  return byLabel;
}

function curationLines(prefix: string): string[][] {
  return readdirSync(curationDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(curationDir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('~').map((p) => p.trim()));
}

function labelAndSynonyms(cell: string | undefined): { label: string; synonyms: string[] } {
  const [label = '', ...synonyms] = (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { label, synonyms: [...new Set(synonyms)].filter((s) => s.toLowerCase() !== label.toLowerCase()) };
}

/**
 * English synonyms: the curated extras, plus (for occupations only) a few short
 * ESCO alternative labels. In skills_en.csv the altLabels column does not line
 * up with the preferred labels (e.g. "operate forklift" carries "connect
 * dishwashers"), so skill alternatives are not taken from it.
 */
function englishSynonyms(row: Row, extra: string | undefined, useEscoAlternatives: boolean): string[] {
  const preferred = (row.preferredLabel ?? '').trim();
  const curated = [...labelAndSynonyms(`x|${extra ?? ''}`).synonyms, ...(extraEnglish.get(preferred.toLowerCase()) ?? [])];
  if (!useEscoAlternatives) return [...new Set(curated)];
  const alt = (row.altLabels ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.toLowerCase() !== preferred.toLowerCase() && s.length <= 40)
    .sort((a, b) => a.length - b.length)
    .slice(0, 4);
  return [...new Set([...curated, ...alt])];
}

const errors: string[] = [];
/** curation/en-synonyms.txt: `ESCO en label ~ synonym|synonym` */
const extraEnglish = new Map(
  curationLines('en-synonyms').map(([label = '', synonyms = '']) => [label.toLowerCase(), labelAndSynonyms(`x|${synonyms}`).synonyms]),
);
const escoSkills = escoIndex('skills_en.csv');
const escoOccupations = escoIndex('occupations_en.csv');

const skillUriByLabel = new Map<string, string>();
const skills = curationLines('skills-').flatMap(([en = '', kind, sectors, da, ar, uk, extra]) => {
  const row = escoSkills.get(en.toLowerCase());
  if (!row) {
    errors.push(`skill not in ESCO: ${en}`);
    return [];
  }
  const [d, a, u] = [da, ar, uk].map(labelAndSynonyms);
  if (!d?.label || !a?.label || !u?.label) {
    errors.push(`skill lacks a label: ${en}`);
    return [];
  }
  const uri = row.conceptUri ?? '';
  if (skillUriByLabel.has(en.toLowerCase())) {
    errors.push(`duplicate skill: ${en}`);
    return [];
  }
  skillUriByLabel.set(en.toLowerCase(), uri);
  return [
    {
      uri,
      kind: kind === 'k' ? 'knowledge' : 'skill',
      labels: { da: d.label, en: (row.preferredLabel ?? en).trim(), ar: a.label, uk: u.label },
      synonyms: { da: d.synonyms, en: englishSynonyms(row, extra, false), ar: a.synonyms, uk: u.synonyms },
      sectors: (sectors ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    },
  ];
});

const skillUris = (list: string | undefined, occupation: string): string[] =>
  (list ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap((label) => {
      const uri = skillUriByLabel.get(label.toLowerCase());
      if (!uri) {
        errors.push(`occupation ${occupation}: unknown skill ${label}`);
        return [];
      }
      return [uri];
    });

const occupations = curationLines('occupations').flatMap(([en = '', sector = '', da, ar, uk, essential, optional, extra]) => {
  const row = escoOccupations.get(en.toLowerCase());
  if (!row) {
    errors.push(`occupation not in ESCO: ${en}`);
    return [];
  }
  const [d, a, u] = [da, ar, uk].map(labelAndSynonyms);
  if (!d?.label || !a?.label || !u?.label) {
    errors.push(`occupation lacks a label: ${en}`);
    return [];
  }
  const essentialSkills = skillUris(essential, en);
  return [
    {
      uri: row.conceptUri ?? '',
      iscoGroup: (row.iscoGroup ?? '').slice(0, 4),
      sector,
      labels: { da: d.label, en: (row.preferredLabel ?? en).trim(), ar: a.label, uk: u.label },
      synonyms: { da: d.synonyms, en: englishSynonyms(row, extra, true), ar: a.synonyms, uk: u.synonyms },
      essentialSkills,
      optionalSkills: skillUris(optional, en).filter((uri) => !essentialSkills.includes(uri)),
    },
  ];
});

/**
 * curation/everyday-*.txt: `o|s ~ ESCO en label ~ language ~ synonym|synonym`, the words people
 * use for a skill or occupation (colloquial, regional, plural), added to its synonyms.
 */
for (const [kind = '', en = '', language = '', words = ''] of curationLines('everyday-')) {
  const item = (kind === 'o' ? occupations : skills).find((x) => x.labels.en.toLowerCase() === en.toLowerCase());
  if (!item) {
    errors.push(`everyday synonyms for unknown ${kind === 'o' ? 'occupation' : 'skill'}: ${en}`);
    continue;
  }
  if (language !== 'da' && language !== 'en' && language !== 'ar' && language !== 'uk') {
    errors.push(`everyday synonyms for ${en}: unknown language ${language}`);
    continue;
  }
  const known = new Set([item.labels[language], ...item.synonyms[language]].map((w) => w.toLowerCase()));
  for (const word of labelAndSynonyms(`x|${words}`).synonyms) {
    if (!known.has(word.toLowerCase())) item.synonyms[language].push(word);
    known.add(word.toLowerCase());
  }
}

if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exitCode = 1;
}
const extractColumns = ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels'];
const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
function writeExtract(file: string, byLabel: Map<string, Row>, labels: string[]): void {
  const rows = labels.flatMap((label): Row[] => {
    const row = byLabel.get(label.toLowerCase());
    return row ? [row] : [];
  });
  const lines = [extractColumns.join(','), ...rows.map((row) => extractColumns.map((c) => csvField(row[c] ?? '')).join(','))];
  writeFileSync(join(dataDir, 'esco', file), `${lines.join('\n')}\n`);
}
if (process.argv[2] && errors.length === 0) {
  mkdirSync(join(dataDir, 'esco'), { recursive: true });
  writeExtract(
    'skills_en.csv',
    escoSkills,
    skills.map((s) => s.labels.en),
  );
  writeExtract(
    'occupations_en.csv',
    escoOccupations,
    occupations.map((o) => o.labels.en),
  );
}
writeFileSync(join(dataDir, 'skills.json'), `${JSON.stringify(skills, null, 2)}\n`);
writeFileSync(join(dataDir, 'occupations.json'), `${JSON.stringify(occupations, null, 2)}\n`);
console.log(`skills ${skills.length}, occupations ${occupations.length}, errors ${errors.length}`);
