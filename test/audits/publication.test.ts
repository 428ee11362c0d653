import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build-site.ts';
import { BUILDS, sharedBuild } from '../helpers/shared-build.ts';

/** Audit records are internal: a build for the public audience carries none of them. */
let build: BuildResult;

beforeAll(async () => {
  build = await sharedBuild('real', BUILDS.public);
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
});

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
  );

it('publishes no audit program, plan, report or board entries, and names no auditor', () => {
  for (const page of ['audits/2026', 'audits/plans/2026-03', 'audits/reports/2026-03']) expect(existsSync(path.join(build.outDir, page)), page).toBe(false);
  const site = htmlFiles(build.outDir)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const secret of [
    'Электронная библиотека стандартов',
    'Держатель копии',
    'Аудитор А. Примеров',
    'Ответственный З. Образцов',
    'Жалобы клиентов, принятые по телефону',
  ])
    expect(site).not.toContain(secret);
  expect(readFileSync(path.join(build.outDir, 'audits/index.html'), 'utf8')).toContain('публикуются только во внутренней версии портала');
});

it('still publishes the policy appendices built from quality data', () => {
  expect(readFileSync(path.join(build.outDir, 'nd/pt-035/appendices/2/index.html'), 'utf8')).toContain('/quality-standards/customer-service/');
  expect(existsSync(path.join(build.outDir, 'quality-standards/customer-service/index.html'))).toBe(true);
});
