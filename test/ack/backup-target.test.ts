import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { refusedBackupTarget } from '../../src/ack/backup-target.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** `npm run ack -- backup FILE` replaces FILE: only a new file or an earlier backup may be there. */
describe('the file a backup may write', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'nd-backup-'));
  const live = path.join(work, 'data/ack.sqlite');
  mkdirSync(path.dirname(live));
  writeFileSync(live, 'SQLite format 3\0…');
  writeFileSync(path.join(work, 'old.sqlite'), 'SQLite format 3\0…');
  writeFileSync(path.join(work, 'old.sql'), '--\n-- PostgreSQL database dump\n--\n');
  writeFileSync(path.join(work, 'old.dump'), 'PGDMP\u0001…');
  writeFileSync(path.join(work, 'README.md'), '# Заметки\n');
  const refused = (rel: string) => refusedBackupTarget(path.join(work, rel), [live]);

  it.each(['new.sqlite', 'old.sqlite', 'old.sql', 'old.dump'])('%s: yes', (rel) => {
    expect(refused(rel)).toBeUndefined();
  });

  it.each([
    ['README.md', /уже есть и это не копия базы/],
    ['data/ack.sqlite', /сама рабочая база службы/],
    ['data', /— папка: укажите файл копии/],
    ['нет-папки/copy.sqlite', /папки «.*нет-папки» нет/],
  ])('%s: no', (rel, reason) => {
    expect(refused(rel)).toMatch(reason);
  });

  it('the command leaves someone else’s file as it was, with exit 1 and the reason', async () => {
    const run = await promisify(execFile)(process.execPath, ['scripts/ack.ts', 'backup', path.join(work, 'README.md')], {
      cwd: projectRoot,
      env: { ...process.env, ND_ACK_DATA: path.join(work, 'data') },
    }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in run ? run.code : 0).toBe(1);
    expect(run.stderr).toMatch(/^✗ копия не сделана: «.*README\.md» уже есть и это не копия базы/);
    expect(readFileSync(path.join(work, 'README.md'), 'utf8')).toBe('# Заметки\n');
  });
});
