import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check } from '../../src/validation/check.ts';
import { CheckSession } from '../../src/validation/session.ts';

/**
 * The incremental session must say exactly what a fresh `check()` says about the same files. Each edit
 * is made on disk, given to the session, and both results compared finding by finding.
 */
const fmt = (messages: VFileMessage[]) =>
  messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.fatal ? 'E' : 'W'} ${m.ruleId} ${m.reason}${m.expected ? ` → ${m.expected.join()}` : ''}`);

describe('CheckSession', () => {
  let out: string;
  let root: string;
  let session: CheckSession;
  // Links are checked against two audiences' sites, as a build of both would.
  const sites = audienceSites({ audience: 'public', audiences: ['public', 'internal'], buildDate: '2026-06-01' });
  const options = () => ({ root, buildDate: '2026-06-01', cache: 'off' as const, sites });
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'nd-session-'));
    root = path.join(out, 'content');
    generateCorpus({ docs: 14, seed: 11, out: root });
    session = await CheckSession.open(options());
    expect((await session.run()).scope).toBe('full');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const file = (rel: string) => path.join(root, rel);
  const read = (rel: string) => readFileSync(file(rel), 'utf8');
  /** Writes (or removes) files, tells the session, and compares it with a fresh check. */
  const edit = async (files: Record<string, string | null>, scope?: 'full' | 'documents') => {
    for (const [rel, text] of Object.entries(files)) {
      if (text === null) unlinkSync(file(rel));
      else {
        mkdirSync(path.dirname(file(rel)), { recursive: true });
        writeFileSync(file(rel), text);
      }
      session.touch(rel);
    }
    const run = await session.run();
    const fresh = await check(options());
    expect(fmt(run.messages)).toEqual(fmt(fresh.messages));
    if (scope) expect(run.scope).toBe(scope);
    return run;
  };
  const docs = async () => (await check(options())).corpus.documents.filter((d) => d.code !== 'ПТ-035');
  const relOf = (p: string) => path.relative(root, path.resolve(p)).split(path.sep).join('/');

  it('a body edit re-runs the document rules on that document only, with the same findings', async () => {
    const doc = (await docs())[0]!;
    const rel = relOf(doc.editions.at(-1)!.file.path);
    const run = await edit({ [rel]: `${read(rel)}\nСм. п. 11.2 ISO 9001:2015, ПТ-999 и <Role id="nobody" />.\n` }, 'documents');
    expect(run.documents).toEqual([doc.folder]);
    expect(run.messages.some((m) => m.ruleId === 'ref/unknown-clause' && m.file?.endsWith(rel))).toBe(true);
    expect([...run.changedPaths]).toEqual([session.displayPath(rel)]);
  });

  it('an unchanged run does nothing', async () => {
    expect((await session.run()).scope).toBe('none');
  });

  it('a removed or renumbered appendix reaches the documents that cite it', async () => {
    const [cited, citing] = (await docs()).filter((d) => d.appendices.length > 0);
    const appendix = cited!.appendices[0]!;
    const rel = relOf(citing!.editions.at(-1)!.file.path);
    await edit({ [rel]: `${read(rel)}\nСм. Приложение ${appendix.data.number} «${appendix.data.title}» к ${cited!.code}.\n` });
    const appRel = relOf(appendix.file.path);
    const text = read(appRel);
    const renumbered = await edit({ [appRel]: text.replace(/^number: \d+/m, 'number: 42') }, 'documents');
    expect(renumbered.documents).toContain(citing!.folder);
    expect(renumbered.messages.some((m) => m.ruleId === 'ref/unknown-appendix' && m.file?.endsWith(rel))).toBe(true);
    await edit({ [appRel]: null });
    await edit({ [appRel]: text });
  });

  it('frontmatter, a new code, a syntax error, a registry change and a new file all agree with a fresh check', async () => {
    const [a, b] = await docs();
    const relA = relOf(a!.editions.at(-1)!.file.path);
    const textA = read(relA);
    await edit({ [relA]: textA.replace(/^title: .*$/m, 'title: Другое наименование') });
    await edit({ [relA]: textA.replace(/^status: .*$/m, 'status: проект') });
    await edit({ [relA]: textA.replace(/^code: .*$/m, `code: ${b!.code}`) }, 'full');
    await edit({ [relA]: `${textA}\n<Note>\nне закрыт\n` });
    // The policy's principles are read from the document list, not from the document that shows them.
    await edit({ [relA]: `${textA}\n<Principles document="ПТ-035" group="cx-direction" />\n` }, 'documents');
    await edit({ [relA]: textA });
    const roles = read('registries/roles.json');
    const role = (JSON.parse(roles) as { items: Array<{ id: string }> }).items[0]!.id;
    await edit({ 'registries/roles.json': roles.replace(`"id": "${role}"`, `"id": "${role}-x"`) }, 'full');
    await edit({ 'registries/roles.json': roles });
    await edit({ [`documents/${a!.folder}/appendices/9.mdx`]: '---\nnumber: 9\ntitle: Новое\n---\n\nТекст со ссылкой на ПТ-035.\n' });
    await edit({ [`documents/${a!.folder}/appendices/9.mdx`]: null });
    await edit({ 'policy/notes.txt': 'не на месте' }, 'full');
    await edit({ 'policy/notes.txt': null });
  });

  it('edits of what other documents see (headings, dates, editions, appendix titles) agree with a fresh check', async () => {
    const all = await docs();
    for (let k = 0; k < 4; k++) {
      const citing = all[(k * 5 + 2) % all.length]!;
      const cited = all[(k * 7 + 3) % all.length]!;
      if (citing === cited) continue;
      const rel = relOf(citing.editions.at(-1)!.file.path);
      const citedRel = relOf(cited.editions.at(-1)!.file.path);
      const heading = cited.editions.at(-1)!.source.extracted?.headings[1];
      const appendix = cited.appendices[0];
      const text = read(rel);
      const citedText = read(citedRel);
      await edit({
        [rel]: `${text}\nСм. [раздел](/nd/${cited.folder}/#${heading?.slug ?? 'x'}), ${cited.code}${appendix ? `, Приложение ${appendix.data.number} «${appendix.data.title}» к ${cited.code}` : ''}.\n`,
      });
      if (heading) await edit({ [citedRel]: citedText.replace(`${'#'.repeat(heading.depth)} ${heading.text}`, `${'#'.repeat(heading.depth)} Иначе`) });
      await edit({ [citedRel]: citedText.replace(/^effective: .*$/m, 'effective: 2026-05-30') });
      if (appendix) await edit({ [relOf(appendix.file.path)]: read(relOf(appendix.file.path)).replace(/^title: .*$/m, 'title: Другое') });
      if (cited.editions.length > 1 && existsSync(file(relOf(cited.editions[0]!.file.path)))) await edit({ [relOf(cited.editions[0]!.file.path)]: null });
    }
  });

  it('a document that stops being published for an audience takes its roles’ cards with it: links to them are checked again', async () => {
    const [definer, linking] = (await docs()).filter((d) => d.editions.length === 1);
    const rolesRel = 'registries/roles.json';
    const roles = read(rolesRel);
    const role = (JSON.parse(roles) as { items: { id: string }[] }).items[0]!.id;
    // The role is defined by a document with no principles (a policy's edit re-checks everything anyway).
    await edit({ [rolesRel]: roles.replace(/"definedIn": "ПТ-035"/, `"definedIn": "${definer!.code}"`) }, 'full');
    const linkRel = relOf(linking!.editions[0]!.file.path);
    const linkText = read(linkRel);
    await edit(
      {
        [linkRel]: `${linkText}
См. [карточку роли](/glossary/roles/${role}/).
`,
      },
      'documents',
    );
    const definerRel = relOf(definer!.editions[0]!.file.path);
    const definerText = read(definerRel);
    const hidden = await edit({ [definerRel]: definerText.replace(/^access: .*$/m, 'access: confidential') }, 'documents');
    expect(hidden.messages.some((m) => m.ruleId === 'ref/broken-link' && m.file?.endsWith(linkRel))).toBe(true);
    await edit({ [definerRel]: definerText }, 'documents');
    await edit({ [linkRel]: linkText }, 'documents');
    await edit({ [rolesRel]: roles }, 'full');
  });

  it('an editor buffer counts instead of the file on disk until it is closed', async () => {
    const doc = (await docs())[1]!;
    const rel = relOf(doc.editions.at(-1)!.file.path);
    session.setText(rel, `${read(rel)}\nСм. ПТ-998.\n`);
    const unsaved = await session.run();
    expect(unsaved.messages.some((m) => m.ruleId === 'ref/unknown-code' && m.file?.endsWith(rel))).toBe(true);
    session.touch(rel);
    expect(fmt((await session.run()).messages)).toEqual(fmt((await check(options())).messages));
  });
});
