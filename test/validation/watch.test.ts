import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

const EDITION = 'documents/pt-035/editions/1.0.mdx';

describe('npm run check -- --watch', () => {
  let root: string;
  beforeAll(async () => {
    root = await contentRoot();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('checks once, then re-checks each save and prints the saved file’s findings and the totals', async () => {
    const child = spawn(process.execPath, ['scripts/check.ts', '--watch', '--root', root, '--date', '2026-11-26'], { cwd: projectRoot });
    // One listener collects everything the command prints; each wait takes the output up to its line.
    let out = '';
    let onData = () => undefined as void;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      onData();
    });
    const waitFor = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`нет «${pattern}» в выводе:\n${out}`)), 30_000);
        const check = () => {
          const m = pattern.exec(out);
          if (!m) return;
          clearTimeout(timer);
          onData = () => undefined;
          const seen = out.slice(0, m.index + m[0].length);
          out = out.slice(m.index + m[0].length);
          resolve(seen);
        };
        onData = check;
        check();
      });
    try {
      expect(await waitFor(/жду изменений…\n/)).toMatch(/ошибок нет\n⟳ первая проверка: проверено за \d+ мс \(всё содержимое\)/);
      const file = path.join(root, EDITION);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text}\nСм. п. 11.2 ISO 9001:2015.\n`);
      const saved = await waitFor(/жду изменений…\n/);
      expect(saved).toMatch(/1\.0\.mdx:\d+:5 {2}ошибка {2}в ISO 9001:2015 нет пункта 11\.2.* {2}ref\/unknown-clause\n/);
      expect(saved).toMatch(/✗ проверено файлов: \d+; ошибок: 1, предупреждений: 0/);
      expect(saved).toMatch(/⟳ изменено documents\/pt-035\/editions\/1\.0\.mdx: проверено за \d+ мс \(документов: 1\)/);
      writeFileSync(file, text);
      expect(await waitFor(/жду изменений…\n/)).toMatch(/✓ проверено файлов: \d+, ошибок нет/);
    } finally {
      child.kill();
    }
  });

  it('refuses a machine format, which cannot be re-printed', async () => {
    const child = spawn(process.execPath, ['scripts/check.ts', '--watch', '--format', 'json', '--root', root], { cwd: projectRoot });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--watch печатает находки только в формате human');
  });
});
