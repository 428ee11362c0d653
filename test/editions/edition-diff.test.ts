import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { diffFields, diffSections, wordDiff, type Part } from '../../src/model/edition-diff.ts';
import { splitSections } from '../../src/model/edition-sections.ts';
import { parseMdx } from '../../src/analysis/parse.ts';

/** The tree the checker's corpus holds for an edition body. */
const parse = (body: string) => parseMdx(new VFile({ path: 'edition.mdx', value: `---\nversion: "1.0"\n---\n${body}` })).tree;
/** `[+…]` for insertions and `[-…]` for deletions, to compare diffs as one string. */
const show = (parts: readonly Part[]) => parts.map((p) => (p.added ? `[+${p.value}]` : p.removed ? `[-${p.value}]` : p.value)).join('');

describe('wordDiff', () => {
  it('compares Russian text word by word, not letter by letter', () => {
    expect(show(wordDiff('Документы пересматриваются ежегодно.', 'Документы пересматриваются раз в полгода.'))).toBe(
      'Документы пересматриваются [-ежегодно][+раз в полгода].',
    );
  });
  it('keeps equal text as one unchanged run', () => {
    expect(wordDiff('без изменений', 'без изменений')).toEqual([{ value: 'без изменений' }]);
  });
});

describe('splitSections', () => {
  it('splits at headings and renders lists, tables and components as text; frontmatter is not text', () => {
    const sections = splitSections(
      parse(
        'Вводный текст.\n\n## 1. Общие положения\n\n1. первый\n2. второй\n\n- **жирный** пункт\n\n| А | Б |\n|---|---|\n| 1 | 2 |\n\n### 1.1. Роли\n\n<RolesTable document="ПТ-035" />\n',
      ),
    );
    expect(sections).toEqual([
      { heading: undefined, text: 'Вводный текст.' },
      { heading: { depth: 2, text: '1. Общие положения' }, text: '1. первый\n2. второй\n\n• жирный пункт\n\nА | Б\n1 | 2' },
      { heading: { depth: 3, text: '1.1. Роли' }, text: '[таблица ролей]' },
    ]);
  });
});

describe('diffSections', () => {
  const before = splitSections(
    parse(
      '## 1. Общие положения\n\nПересмотр ежегодно.\n\n## 2. Хранение\n\nБумажный архив.\n\n## 3. Устаревший раздел\n\nУдаляется.\n\n## 4. Ответственность\n\nВладелец процесса.\n',
    ),
  );
  const after = splitSections(
    parse(
      '## 1. Общие положения\n\nПересмотр раз в полгода.\n\n## 2. Хранение\n\nБумажный архив.\n\n## 3. Ответственность\n\nВладелец процесса.\n\n## 4. Доступ\n\nЧерез портал.\n',
    ),
  );
  const diff = diffSections(before, after);

  it('matches sections by heading, then by heading without its number', () => {
    expect(diff.map((s) => `${s.change} ${s.heading?.text}`)).toEqual([
      'changed 1. Общие положения',
      'same 2. Хранение',
      'removed 3. Устаревший раздел',
      'changed 3. Ответственность',
      'added 4. Доступ',
    ]);
  });
  it('gives word-level changes inside a section and the renumbered heading', () => {
    expect(show(diff[0]!.parts)).toBe('Пересмотр [-ежегодно][+раз в полгода].');
    expect(show(diff[3]!.headingParts ?? [])).toBe('[-4][+3]. Ответственность');
    expect(show(diff[3]!.parts)).toBe('Владелец процесса.');
  });
  it('shows added and removed sections whole', () => {
    expect(show(diff[2]!.parts)).toBe('[-Удаляется.]');
    expect(show(diff[4]!.parts)).toBe('[+Через портал.]');
  });
});

describe('diffFields', () => {
  it('lists only the changed fields, list items line by line', () => {
    const fields = diffFields(
      [
        { label: 'Наименование', text: 'Порядок' },
        { label: 'Цель документа', text: 'Первая цель\nВторая цель' },
      ],
      [
        { label: 'Наименование', text: 'Порядок' },
        { label: 'Цель документа', text: 'Первая цель\nНовая цель' },
      ],
    );
    expect(fields.map((f) => [f.label, show(f.parts)])).toEqual([['Цель документа', 'Первая цель\n[-Вторая][+Новая] цель']]);
  });
});
