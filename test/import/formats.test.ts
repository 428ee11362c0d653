import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxFixture } from './docx-fixture.ts';
import { importInto, PT035_SOURCE, tempFile } from './helpers.ts';

describe('DOCX generated with the docx package', () => {
  it('imports passport, scope, headings, roles, long table and check boxes; header and footer are reported', async () => {
    const input = await tempFile('rg-101.docx', await docxFixture({ code: 'РГ-101', title: 'Работа с обращениями клиентов' }));
    const result = await importInto([input]);
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    expect(file.written).toEqual(['documents/rg-101/editions/1.0.mdx']);
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    expect(mdx).toContain('responsibleForApplication:\n    unit: dkko\n    position: Директор департамента');
    expect(mdx).toContain('- name: Контакт-центр\n      adaptation: true');
    expect(mdx).toContain('## 1. Общие положения');
    expect(mdx).toContain('### 1.2. Порядок работы');
    expect(mdx).toContain('1. Принять обращение\n   1. Зарегистрировать обращение\n2. Ответить клиенту');
    expect(mdx).toContain('- ответ содержит решение\n- ответ отправлен в срок');
    expect(mdx).toContain('| 60 | Показатель качества номер 60');
    expect(mdx).toContain('<RolesTable document="РГ-101" />');
    expect(mdx).toContain('- cite: ПТ-035');
    expect(mdx).not.toContain('Страница');
    expect(file.dropped.filter((d) => /колонтитул не переносится/.test(d.reason)).map((d) => d.text)).toEqual([
      'Страница',
      'Регламент «Работа с обращениями клиентов» РГ-101 — Для неограниченного доступа',
    ]);
    // «Аудитор» is in the registry with this definition; the new role is proposed, not written.
    expect(file.proposals.map((p) => [p.registry, p.entry.name])).toEqual([['roles', 'Оператор обращений']]);
    // The checker's findings on the result, exactly: none.
    expect(file.check).toEqual([]);
    expect(file.status).toBe('imported');
  });
});

describe('saved HTML page', () => {
  it('drops page furniture and turns check boxes into list items', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body>
<header>Портал «Нормативные документы» — меню</header><nav>Главная › НД</nav>
<main><h1>Инструкция «Порядок печати документов» ИН-007</h1>
<table><tr><td><b>Ответственный за применение НД</b></td><td>Департамент качества и клиентского опыта</td></tr>
<tr><td><b>Ответственный за разработку НД</b></td><td>Департамент качества и клиентского опыта</td></tr>
<tr><td><b>Цель документа</b></td><td><input type="checkbox"/> Печатать только действующие редакции</td></tr>
<tr><td><b>Краткое описание документа</b></td><td>Как печатать документы</td></tr>
<tr><td><b>Ограничение доступа</b></td><td>Для внутреннего использования</td></tr></table>
<h2>ОТВЕТСТВЕННОСТЬ И ОБЛАСТЬ ПРИМЕНЕНИЯ</h2><p>Наименование подразделения/должности/роли</p><p>Все сотрудники ПАО «МТС»</p>
<h2>1. ПЕЧАТЬ</h2><p>Перед печатью: <input type="checkbox"/> проверьте редакцию <input type="checkbox"/> укажите дату печати</p>
<p>Текст с {фигурными} скобками, <тегом> и import в середине.</p></main>
<footer>© Портал, 2024</footer></body></html>`;
    const result = await importInto([await tempFile('in-007.html', html)]);
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    expect(mdx).toContain('access: internal');
    expect(mdx).toContain('- проверьте редакцию\n- укажите дату печати');
    expect(mdx).toContain('\\{фигурными\\}');
    expect(mdx).not.toMatch(/меню|Главная|© Портал|alert/);
    expect(file.dropped.map((d) => d.reason)).toContain('оформление страницы (<footer>), не текст документа');
    expect(file.check.filter((c) => c.ruleId === 'mdx/forbidden-code')).toEqual([]);
    expect(file.check.filter((c) => c.severity === 'error')).toEqual([]);
  });
});

describe('text that looks like code', () => {
  it('stays text: the result passes mdx/forbidden-code and keeps every character', async () => {
    const hostile = [
      'import fs from "node:fs"',
      'export const x = 1',
      '{process.exit(1)}',
      '<script>alert(1)</script>',
      '<!-- comment -->',
      '- not a list',
      '1. not a list either',
      '# not a heading',
      '[link](javascript:alert(1))',
      '&amp; &#123;',
      '`code`',
      '| pipe |',
      '> quote',
      '***',
    ];
    const source = [
      '## Регламент «Опасный текст» РГ-900',
      '<b>Ответственный за применение НД</b>\tДепартамент качества и клиентского опыта',
      '<b>Ответственный за разработку НД</b>\tДепартамент качества и клиентского опыта',
      '<b>Цель документа</b>\t☐ {цель}',
      '<b>Краткое описание документа</b>\t<Role id="x" />',
      '<b>Ограничение доступа</b>\tнет',
      '',
      '### 2. ОТВЕТСТВЕННОСТЬ И ОБЛАСТЬ ПРИМЕНЕНИЯ',
      'Наименование подразделения/должности/роли',
      'Все сотрудники',
      '',
      '### 1. ТЕКСТ',
      '',
      ...hostile.map((h) => `\\${h.startsWith('-') || /^\d/.test(h) || h.startsWith('#') ? '' : ''}${h}`).map((h) => `${h}\n`),
    ].join('\n');
    const result = await importInto([await tempFile('rg-900.txt', source)]);
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    expect(file.check).toEqual([]);
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    expect(mdx).not.toMatch(/^(import|export) /m);
    expect(mdx).toContain('\\{process.exit(1)\\}');
  });
});

describe('old formats without LibreOffice', () => {
  it('name the Debian package to install, write nothing and let the batch go on', async () => {
    const saved = process.env.ND_SOFFICE;
    process.env.ND_SOFFICE = '/nonexistent/soffice';
    try {
      const odt = await tempFile('положение.odt', Buffer.from('PK\u0003\u0004'));
      const rtf = await tempFile('приказ.rtf', '{\\rtf1 текст}');
      const result = await importInto([odt, rtf, PT035_SOURCE], { dryRun: true });
      for (const f of result.files.slice(0, 2)) {
        expect(f.status).toBe('failed');
        expect(f.error).toMatch(/нужен LibreOffice.*пакет Debian libreoffice-writer-nogui/);
        expect(f.written).toEqual([]);
      }
      expect(result.files[2]?.status).not.toBe('failed');
    } finally {
      if (saved === undefined) delete process.env.ND_SOFFICE;
      else process.env.ND_SOFFICE = saved;
    }
  });
});
