/**
 * Keeps docs/reliability.md honest: every row names a test that exists in the named file, every
 * quoted message is what its catalogue entry produces, and a row marked "open" is exactly one whose
 * test is a `test.failing` (a known gap, tracked in /work/notes/bugs.md). Without this check the
 * catalogue would drift from the code the first time a message is reworded.
 */
import {existsSync, readFileSync} from 'fs';
import {join} from 'path';
import {catalogue, type MessageKey} from '../../src/i18n';

const ROOT = join(__dirname, '..', '..');

interface Row {
  id: string;
  open: boolean;
  caseText: string;
  key: string | null;
  zh: string;
  en: string;
  written: string;
  testFile: string;
  /** The start of the test's title, when the row names a test that is not titled by the row's id. */
  testTitle: string | null;
}

const cell = (s: string) => s.trim().replace(/^`|`$/g, '');

function rows(): Row[] {
  const doc = readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8');
  return doc
    .split('\n')
    .filter((line) => /^\| [A-Z]\d+( \(open\))? \|/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1);
      if (cells.length !== 7) throw new Error(`a catalogue row needs 7 columns: ${line}`);
      const [idCell, caseText, key, zh, en, written, testCell] = cells.map((c) => c.trim());
      const test = /^`([^`]+)`(?:\s+“([^”]+)”)?$/.exec(testCell);
      if (!test) throw new Error(`a catalogue row names its test as \`file\` or \`file\` “title”: ${line}`);
      return {
        id: idCell.replace(' (open)', ''),
        open: idCell.endsWith('(open)'),
        caseText,
        key: key === '—' ? null : cell(key),
        zh,
        en,
        written,
        testFile: test[1],
        testTitle: test[2] ?? null,
      };
    });
}

/** A catalogue template as a pattern: each `{placeholder}` stands for any text (an optional part may be empty). */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}

/** The sentence-case the validator applies to English messages (validate.ts `sentence`). */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ROWS = rows();

describe('docs/reliability.md', () => {
  it('has at least 35 rows, with unique ids, every column filled', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(ROWS.map((r) => r.id)).size).toBe(ROWS.length);
    for (const row of ROWS) {
      for (const value of [row.caseText, row.zh, row.en, row.written]) expect(value.length).toBeGreaterThan(0);
    }
  });

  it.each(ROWS.map((r) => [r.id, r] as const))('%s names a test that exists in its file (failing only when open)', (_id, row) => {
    expect(row.testFile).toMatch(/^test\/[\w/.-]+\.test\.tsx?$/);
    const path = join(ROOT, row.testFile);
    expect(existsSync(path)).toBe(true);
    const source = readFileSync(path, 'utf8');
    const title = (row.testTitle ?? `${row.id} `).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const declaration = new RegExp(`\\b(it|test)(\\.failing)?(?:\\.each\\([^)]*\\))?\\(\\s*['"\`]${title}`);
    const match = declaration.exec(source);
    if (!match) throw new Error(`${row.testFile} has no test named "${row.testTitle ?? row.id} …"`);
    expect({id: row.id, failing: match[2] === '.failing'}).toEqual({id: row.id, failing: row.open});
  });

  it.each(ROWS.filter((r) => r.key !== null).map((r) => [r.id, r] as const))('%s quotes its catalogue message in zh and en', (_id, row) => {
    const key = row.key!.replace(/^validate\./, 'validate.') as MessageKey;
    const entry = catalogue[key];
    if (!entry) throw new Error(`${row.id}: no catalogue entry ${row.key}`);
    expect(row.zh).toMatch(templatePattern(entry.zh));
    // A row about one record quotes the English singular sentence when the entry has one.
    const forms = 'enOne' in entry && entry.enOne ? [entry.en, entry.enOne] : [entry.en];
    expect(forms.some((form) => templatePattern(form).test(row.en) || templatePattern(capitalised(form)).test(row.en))).toBe(true);
  });
});
