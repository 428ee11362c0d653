import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

/** `npm run import` as an author runs it: a folder with the ПТ-035 export and an unreadable file. */
const SOURCE = path.join(projectRoot, 'test/fixtures/sources/PT-035-source.txt');

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import.ts'), ...args], { cwd, encoding: 'utf8' });

describe('scripts/import.ts', () => {
  it('--dry-run imports a batch, reports the failure, writes only the two report files and exits 1', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'nd-import-cli-'));
    const inbox = path.join(work, 'inbox');
    spawnSync('mkdir', ['-p', inbox]);
    writeFileSync(path.join(inbox, 'ПТ-035.txt'), readFileSync(SOURCE));
    writeFileSync(path.join(inbox, 'пустой.docx'), '');
    const root = await contentRoot();
    const before = readdirSync(root, { recursive: true }).length;
    const result = run([inbox, '--dry-run', '--out', root, '--report', work], projectRoot);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/импортировано/i);
    expect(result.stdout).toContain('import-report.md');
    expect(readdirSync(root, { recursive: true }).length).toBe(before);
    const report = JSON.parse(readFileSync(path.join(work, 'import-report.json'), 'utf8')) as { summary: { imported: number; failed: number } };
    expect(report.summary).toMatchObject({ imported: 1, failed: 1 });
    expect(readFileSync(path.join(work, 'import-report.md'), 'utf8')).toContain('пустой.docx');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('a damaged PDF that PDF.js repairs is imported without its English warnings on the terminal', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'nd-import-cli-'));
    const pdf = readFileSync(path.join(projectRoot, 'test/import/corpus/pdf/footer-code.pdf'));
    // Without its cross-reference table and trailer, PDF.js indexes every object and says so («Warning: Indexing all PDF objects»).
    const cut = pdf.subarray(0, pdf.lastIndexOf('xref'));
    writeFileSync(path.join(work, 'РГ-102 повреждённый.pdf'), cut);
    const result = run([path.join(work, 'РГ-102 повреждённый.pdf'), '--dry-run', '--out', await contentRoot(), '--report', work], projectRoot);
    const report = JSON.parse(readFileSync(path.join(work, 'import-report.json'), 'utf8')) as { files: Array<{ error?: string; code?: string }> };
    expect([report.files[0]!.error, report.files[0]!.code]).toEqual([undefined, 'РГ-102']);
    expect(result.stderr).not.toMatch(/Warning|Indexing/);
  });

  it('--report creates a missing folder; without it the report goes to .nd/import (ignored by Git), never the working folder', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'nd-import-cli-'));
    const root = await contentRoot();
    const nested = path.join(work, 'отчёты', '2026');
    const made = run([SOURCE, '--dry-run', '--out', root, '--report', nested], projectRoot);
    expect(made.status, made.stderr).toBe(0);
    expect(readdirSync(nested).sort()).toEqual(['import-report.json', 'import-report.md']);
    const blocked = path.join(work, 'файл');
    writeFileSync(blocked, '');
    const refused = run([SOURCE, '--out', root, '--report', path.join(blocked, 'под')], projectRoot);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/папку для отчёта не создать.*ничего не импортировано/);
    expect(existsSync(path.join(root, 'documents/pt-035/editions/1.1.mdx'))).toBe(false);
    const plain = run([SOURCE, '--dry-run', '--out', root], work);
    expect(plain.status, plain.stderr).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['.nd', 'файл', 'отчёты'].sort());
    expect(readdirSync(path.join(work, '.nd/import')).sort()).toEqual(['import-report.json', 'import-report.md']);
    expect(readFileSync(path.join(projectRoot, '.gitignore'), 'utf8')).toMatch(/^\.nd\/$/m);
  });

  it('refuses bad usage with a Russian message and exit 2', () => {
    const noInput = run([], projectRoot);
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toContain('Укажите файл или папку для импорта.');
    const latin = run([SOURCE, '--code', 'PT-035'], projectRoot);
    expect(latin.status).toBe(2);
    expect(latin.stderr).toContain('код пишется кириллицей');
    expect(existsSync(path.join(projectRoot, 'import-report.md'))).toBe(false);
  });

  it('a path that does not exist, or a folder with nothing in it: exit 2 and what is wrong, no report of an empty batch', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'nd-import-cli-'));
    const empty = path.join(work, 'пустая');
    spawnSync('mkdir', ['-p', empty]);
    writeFileSync(path.join(empty, '.DS_Store'), '');
    const typo = run([SOURCE, path.join(work, 'нет-такого.docx'), '--dry-run', '--report', work], projectRoot);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/^не найдено: «.*нет-такого\.docx»; ничего не импортировано$/m);
    const nothing = run([empty, '--dry-run', '--report', work], projectRoot);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toMatch(/^в «.*пустая» нет ни одного файла для импорта \(скрытые не считаются\); ничего не импортировано$/m);
    expect(readdirSync(work).sort()).toEqual(['пустая']);
    const stray = run([SOURCE, '--out', path.join(work, 'contnet'), '--report', work], projectRoot);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toMatch(/^--out «.*contnet»: это не папка содержимого \(в ней нет registries\/\)/m);
    expect(readdirSync(work).sort()).toEqual(['пустая']);
  });
});
