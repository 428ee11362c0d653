import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../../src/model/file-kinds.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** The committed editor settings map every kind of JSON record to the schema the checker uses for it. */
const settings = parse(readFileSync(path.join(projectRoot, '.vscode/settings.json'), 'utf8')) as {
  'json.schemas': Array<{ fileMatch: string[]; url: string }>;
};
const globRe = (glob: string) => new RegExp(`${glob.replace(/[.+^$()|{}]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const schemaFor = (rel: string) => settings['json.schemas'].find((s) => s.fileMatch.some((g) => globRe(g).test(`/${rel}`)))?.url;

describe('.vscode/settings.json', () => {
  const records = readdirSync(path.join(projectRoot, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => `content/${f.split(path.sep).join('/')}`);

  it.each(records)('%s gets the schema it names in $schema', (rel) => {
    const named = JSON.parse(readFileSync(path.join(projectRoot, rel), 'utf8')).$schema as string;
    expect(schemaFor(rel)).toBe(`./${path.relative(projectRoot, path.resolve(projectRoot, path.dirname(rel), named))}`);
  });

  it('covers every JSON kind the checker knows, with schema files that exist', () => {
    for (const kind of FILE_KINDS.filter((k) => k.schema))
      expect(
        settings['json.schemas'].some((s) => s.url === `./schemas/${kind.schema}`),
        kind.kind,
      ).toBe(true);
    for (const { url } of settings['json.schemas']) expect(existsSync(path.join(projectRoot, url)), url).toBe(true);
  });

  it('recommends the MDX and YAML extensions', () => {
    const { recommendations } = parse(readFileSync(path.join(projectRoot, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(recommendations).toEqual(expect.arrayContaining(['unifiedjs.vscode-mdx', 'redhat.vscode-yaml']));
  });

  it('the check task matches the checker’s human lines', () => {
    const tasks = parse(readFileSync(path.join(projectRoot, '.vscode/tasks.json'), 'utf8')) as {
      tasks: Array<{ problemMatcher: Array<{ pattern: { regexp: string } }> }>;
    };
    const [error, warning] = tasks.tasks[0]!.problemMatcher.map((m) => new RegExp(m.pattern.regexp));
    expect('content/documents/pt-035/editions/1.0.mdx:6:11  ошибка  свойство «approved»: поле не заполнено: дата  schema/invalid').toMatch(error!);
    expect('content/x.mdx:1:2  предупреждение  ISO 9001:2008 — отменённое издание  ref/withdrawn-standard').toMatch(warning!);
  });
});

describe('editors/vscode: the extension that starts the language server', () => {
  const extension = path.join(projectRoot, 'editors/vscode');
  const manifest = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')) as {
    main: string;
    activationEvents: string[];
    engines: { vscode: string };
    dependencies: Record<string, string>;
  };

  it('activates in a project and starts scripts/lsp.ts with the project’s Node.js over stdio', async () => {
    expect(manifest.activationEvents).toContain('workspaceContains:nd.config.json');
    // The extension runs inside VS Code: give it stand-ins for `vscode` and the language client.
    const started: Array<{ server: { command: string; args: string[]; options: { cwd: string } }; client: { documentSelector: unknown[] } }> = [];
    class LanguageClient {
      constructor(_id: string, _name: string, server: { run: (typeof started)[number]['server'] }, client: (typeof started)[number]['client']) {
        started.push({ server: server.run, client });
      }
      start = async () => undefined;
      stop = async () => undefined;
      dispose() {}
    }
    const vscode = {
      workspace: {
        workspaceFolders: [{ uri: { fsPath: projectRoot } }],
        getConfiguration: () => ({ get: () => undefined }),
        createFileSystemWatcher: () => ({ dispose() {} }),
        getWorkspaceFolder: () => undefined,
      },
      Uri: { file: (p: string) => ({ fsPath: p }) },
      commands: { registerCommand: () => ({ dispose() {} }) },
      window: { showErrorMessage: (message: string) => Promise.reject(new Error(message)) },
    };
    const { createRequire, Module } = await import('node:module');
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
    (Module as unknown as { _load: typeof load })._load = (request, ...rest) =>
      request === 'vscode' ? vscode : request === 'vscode-languageclient/node' ? { LanguageClient, TransportKind: { stdio: 0 } } : load(request, ...rest);
    try {
      const entry = createRequire(import.meta.url)(path.join(extension, manifest.main)) as { activate(context: unknown): Promise<void> };
      await entry.activate({ subscriptions: [] });
    } finally {
      (Module as unknown as { _load: typeof load })._load = load;
    }
    expect(started).toHaveLength(1);
    const { server, client } = started[0]!;
    expect(server.command).toBe('node');
    expect(server.args).toContain(path.join(projectRoot, 'scripts/lsp.ts'));
    expect(existsSync(server.args.find((a) => a.endsWith('lsp.ts'))!)).toBe(true);
    expect(server.options.cwd).toBe(projectRoot);
    expect(client.documentSelector).toEqual(expect.arrayContaining([{ scheme: 'file', pattern: '**/*.mdx' }]));
  });

  it('npm run vsix packages it with its language client', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const JSZip = (await import('jszip')).default;
    const dir = mkdtempSync(path.join(tmpdir(), 'nd-vsix-'));
    try {
      const out = path.join(dir, 'nd.vsix');
      const result = spawnSync(process.execPath, ['scripts/vsix.ts', '--out', out], { cwd: projectRoot, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const names = Object.keys(zip.files);
      expect(names).toEqual(
        expect.arrayContaining([
          '[Content_Types].xml',
          'extension.vsixmanifest',
          'extension/package.json',
          `extension/${manifest.main.replace(/^\.\//, '')}`,
          'extension/node_modules/vscode-languageclient/package.json',
        ]),
      );
      expect(await zip.file('extension.vsixmanifest')!.async('string')).toContain(`Version="${(manifest as unknown as { version: string }).version}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
