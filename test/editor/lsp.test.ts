import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { check } from '../../src/validation/check.ts';
import { mentionsOf } from '../../src/validation/session-plan.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { LspClient } from '../../scripts/lsp-client.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/** The language server driven as an editor drives it: LSP JSON-RPC over the child process' stdio. */

const editionPath = path.join(projectRoot, 'content/documents/pt-035/editions/1.0.mdx');
const original = readFileSync(editionPath, 'utf8');
/** Where an author types in the body: the end of the file. */
const position = (text: string) => {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
};
const items = (result: CompletionItem[] | { items: CompletionItem[] } | null) => (Array.isArray(result) ? result : (result?.items ?? []));

describe('language server on the real content', () => {
  const client = new LspClient();
  let uri: string;
  beforeAll(async () => {
    await client.initialize(projectRoot);
    uri = client.open(editionPath, original);
  });
  afterAll(() => client.close());

  it('typing «ПТ-03» offers ПТ-035 with its title', async () => {
    const text = `${original}\nСм. ПТ-03`;
    client.change(uri, text);
    const result = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: position(text) });
    const item = items(result).find((i) => i.label === 'ПТ-035');
    expect(item?.detail).toBe('Политика МТС в области качества и управления клиентским опытом');
    expect((item?.textEdit as { newText: string }).newText).toBe('ПТ-035');
  });

  it('«п. 11.2 ISO 9001:2015» gets the checker’s own unknown-clause finding, with its id, message and place', async () => {
    const text = `${original}\nСм. п. 11.2 ISO 9001:2015.\n`;
    client.change(uri, text);
    const diagnostics = await client.waitFor(uri, (ds) => ds.some((d) => d.code === 'ref/unknown-clause'));
    const found = diagnostics.find((d) => d.code === 'ref/unknown-clause')!;
    // What `npm run check` says for the same text on disk.
    const copy = await contentRoot({ 'documents/pt-035/editions/1.0.mdx': text });
    try {
      const expected = (await check({ root: copy, buildDate: '2026-06-01', cache: 'off', sites: internalSites('2026-06-01') })).messages.find(
        (m) => m.ruleId === 'ref/unknown-clause',
      )!;
      expect(found.message).toBe(expected.reason);
      expect(found.severity).toBe(1);
      expect(found.range.start).toEqual({ line: expected.line! - 1, character: expected.column! - 1 });
      expect(found.source).toBe('nd');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    // Undoing the edit clears it.
    client.change(uri, original);
    await client.waitFor(uri, (ds) => ds.length === 0);
  });

  it('completes clauses of the standard named, standards, roles, appendices and frontmatter values', async () => {
    const ask = async (text: string, at = position(text)) => {
      client.change(uri, text);
      return items(await client.request('textDocument/completion', { textDocument: { uri }, position: at }));
    };
    const clauses = await ask(`${original}\nСогласно ISO 9001:2015, п. 8.5`);
    expect(clauses.find((i) => i.label === '8.5.1')?.detail).toMatch(/Управление производством/);
    const standards = await ask(`${original}\nСм. ISO`);
    expect(standards.map((i) => i.label)).toEqual(expect.arrayContaining(['ISO 9001:2015', 'ISO 19011:2018']));
    const roles = await ask(`${original}\n<Role id="`);
    expect(roles.length).toBeGreaterThan(0);
    const appendices = await ask(`${original}\nсм. Приложение `);
    const first = appendices.find((i) => i.label.startsWith('1 '));
    expect(first?.label).toMatch(/^1 «.+»$/);
    const status = original.replace('status: утверждена', 'status: ');
    const statuses = await ask(status, { line: status.split('\n').findIndex((l) => l === 'status: '), character: 'status: '.length });
    expect(statuses.map((i) => i.label)).toEqual(['проект', 'утверждена', 'отменена']);
    const access = original.replace('access: public', 'access: ');
    const levels = await ask(access, { line: access.split('\n').findIndex((l) => l === 'access: '), character: 'access: '.length });
    expect(levels.map((i) => i.label)).toContain('public');
    client.change(uri, original);
  });

  it('hover on a clause gives its title; go to definition opens the standard at the clause', async () => {
    const text = `${original}\nСм. п. 8.5.1 ISO 9001:2015.\n`;
    client.change(uri, text);
    const at = { line: text.split('\n').length - 2, character: 'См. п. 8'.length };
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
    expect((hover.contents as { value: string }).value).toMatch(/п\. 8\.5\.1.*Управление производством/);
    const target = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: at });
    expect(fileURLToPath(target.uri)).toBe(path.join(projectRoot, 'content/standards/iso-9001-2015.json'));
    const line = readFileSync(fileURLToPath(target.uri), 'utf8').split('\n')[target.range.start.line]!;
    expect(line.slice(target.range.start.character)).toMatch(/^\{|"8\.5\.1"/);
    client.change(uri, original);
  });

  it('hover on a code gives its title, edition in force and address; definition opens its edition; a role opens roles.json', async () => {
    const text = `${original}\nСм. ПТ-035 и <Role id="top-management" />.\n`;
    client.change(uri, text);
    const line = text.split('\n').length - 2;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('Политика МТС в области качества и управления клиентским опытом');
    expect(value).toMatch(/Действует редакция 1\.0 с 2023-04-01/);
    expect(value).toContain('/nd/pt-035/');
    const code = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line, character: 6 } });
    expect(fileURLToPath(code.uri)).toBe(editionPath);
    const roleAt = { line, character: text.split('\n')[line]!.indexOf('top-management') + 2 };
    const roleHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: roleAt });
    expect((roleHover.contents as { value: string }).value).toContain('Президент, Члены-Правления');
    const role = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: roleAt });
    expect(fileURLToPath(role.uri)).toBe(path.join(projectRoot, 'content/registries/roles.json'));
    const roleLine = readFileSync(fileURLToPath(role.uri), 'utf8')
      .split('\n')
      .slice(role.range.start.line, role.range.start.line + 2)
      .join('\n');
    expect(roleLine).toContain('"id": "top-management"');
    client.change(uri, original);
  });

  it('frontmatter values: a unit id shows its name and leads to units.json', async () => {
    const lines = original.split('\n');
    const line = lines.findIndex((l) => /^\s+unit: dkko$/.test(l));
    const at = { line, character: lines[line]!.indexOf('dkko') + 1 };
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
    expect((hover.contents as { value: string }).value).toMatch(/подразделение `dkko`/);
    const target = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: at });
    expect(fileURLToPath(target.uri)).toBe(path.join(projectRoot, 'content/registries/units.json'));
  });
});

describe('language server on a generated corpus', () => {
  let out: string;
  let client: LspClient;
  let root: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'nd-lsp-'));
    root = path.join(out, 'content');
    generateCorpus({ docs: 12, seed: 3, out: root });
    client = new LspClient({ ND_CONTENT_ROOT: root });
    await client.initialize(projectRoot);
  });
  afterAll(async () => {
    await client.close();
    rmSync(out, { recursive: true, force: true });
  });

  const docs = () => check({ root, buildDate: '2026-06-01', cache: 'off', sites: internalSites('2026-06-01') });

  it('serves the same findings as the checker for a file it has not opened', async () => {
    const result = await docs();
    const withFindings = result.messages.find((m) => m.file && !m.file.includes('pt-035'));
    if (!withFindings) return expect(result.messages).toEqual([]);
    const uri = `file://${path.resolve(withFindings.file!)}`;
    const ds = await client.waitFor(uri, (list) => list.length > 0);
    const expected = result.messages.filter((m) => m.file === withFindings.file);
    expect(ds.map((d) => [d.code, d.message, d.range.start.line + 1, d.range.start.character + 1])).toEqual(
      expected.map((m) => [m.ruleId, m.reason, m.line, m.column]),
    );
  });

  it('a removed appendix shows up in the file that cites it, and a mistyped role gets a quick fix', async () => {
    const corpus = (await docs()).corpus;
    const [cited, citing] = corpus.documents.filter((d) => d.appendices.length > 0 && d.code !== 'ПТ-035');
    expect(cited && citing).toBeTruthy();
    const appendix = cited!.appendices[0]!;
    const citingEdition = citing!.editions.at(-1)!;
    const citingFile = path.resolve(citingEdition.file.path);
    const citingText = `${readFileSync(citingFile, 'utf8')}\nСм. Приложение ${appendix.data.number} «${appendix.data.title}» к ${cited!.code}.\n`;
    const citingUri = client.open(citingFile, citingText);
    const cites = (ds: Diagnostic[] = []) => ds.some((d) => d.code === 'ref/unknown-appendix');
    // The appendix is renumbered in the editor, unsaved: the file that cites it is told.
    const appendixFile = path.resolve(appendix.file.path);
    const appendixUri = client.open(appendixFile, readFileSync(appendixFile, 'utf8'));
    // Any request waits for the run of the edits before it.
    await client.request('textDocument/hover', { textDocument: { uri: citingUri }, position: { line: 0, character: 0 } });
    expect(cites(client.diagnostics.get(citingUri))).toBe(false);
    client.change(appendixUri, readFileSync(appendixFile, 'utf8').replace(/^number: \d+/m, 'number: 99'));
    const after = await client.waitFor(citingUri, cites);
    expect(after.find((d) => d.code === 'ref/unknown-appendix')?.message).toMatch(new RegExp(`${cited!.code}`));

    // A role id one letter off: the checker's did-you-mean becomes a quick fix that removes the finding.
    const role = (await docs()).corpus.roles[0]!.data.id;
    const typo = `${citingText}\n<Role id="${role.slice(0, -1)}" />\n`;
    client.change(citingUri, typo);
    const ds = await client.waitFor(citingUri, (list) => list.some((d) => d.code === 'ref/unknown-role'));
    const finding = ds.find((d) => d.code === 'ref/unknown-role')!;
    expect(finding.message).toContain(`возможно, «${role}»`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: citingUri },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const edit = actions[0]?.edit?.changes?.[citingUri]?.[0];
    expect(edit?.newText).toBe(role);
    const lines = typo.split('\n');
    const line = lines[edit!.range.start.line]!;
    lines[edit!.range.start.line] = line.slice(0, edit!.range.start.character) + edit!.newText + line.slice(edit!.range.end.character);
    client.change(citingUri, lines.join('\n'));
    await client.waitFor(citingUri, (list) => !list.some((d) => d.code === 'ref/unknown-role'));
  });

  it('a document hidden from the audience in the editor breaks, at once, another file’s link to its role’s card', async () => {
    const corpus = (await docs()).corpus;
    const candidates = corpus.documents.filter((d) => d.code !== 'ПТ-035' && d.editions.length === 1);
    const definer = candidates[0];
    // A document that names the definer anywhere is re-checked with it anyway: take one that does not.
    const linking = candidates.find((d) => d !== definer && !mentionsOf(d).has(definer!.code) && !mentionsOf(d).has(definer!.folder));
    expect(definer && linking).toBeTruthy();
    const rolesFile = path.join(root, 'registries/roles.json');
    const roles = readFileSync(rolesFile, 'utf8');
    const role = corpus.roles[0]!.data.id;
    // The role is defined by an ordinary document (the unsaved registry), and another document links its card.
    const rolesUri = client.open(rolesFile, roles.replace(/"definedIn": "ПТ-035"/, `"definedIn": "${definer!.code}"`));
    const linkingFile = path.resolve(linking!.editions[0]!.file.path);
    const linkingUri = client.open(linkingFile, `${readFileSync(linkingFile, 'utf8')}\nСм. [карточку роли](/glossary/roles/${role}/).\n`);
    const broken = (ds: Diagnostic[] = []) => ds.some((d) => d.code === 'ref/broken-link' && String(d.message).includes(`/glossary/roles/${role}/`));
    await client.request('textDocument/hover', { textDocument: { uri: linkingUri }, position: { line: 0, character: 0 } });
    expect(broken(client.diagnostics.get(linkingUri))).toBe(false);
    const definerFile = path.resolve(definer!.editions[0]!.file.path);
    const definerText = readFileSync(definerFile, 'utf8');
    const definerUri = client.open(definerFile, definerText);
    client.change(definerUri, definerText.replace(/^access: .*$/m, 'access: confidential'));
    await client.waitFor(linkingUri, broken);
    client.change(definerUri, definerText);
    await client.waitFor(linkingUri, (ds) => !broken(ds));
    client.change(rolesUri, roles);
  });

  it('loads the configuration the project uses', () => {
    expect(loadConfig(projectRoot, { ND_CONTENT_ROOT: root }).contentRootAbs).toBe(root);
  });
});
