import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, loadConfig, type SiteConfig } from '../lib/config.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { ruleHelpUri } from '../validation/reporters/index.ts';
import { isRuleId } from '../validation/rules/index.ts';
import { CheckSession, type SessionRun } from '../validation/session.ts';
import { complete, definition, hover, quickFix, type Context, type Item } from './features.ts';

const KINDS: Record<Item['kind'], CompletionItemKind> = {
  code: CompletionItemKind.Reference,
  role: CompletionItemKind.Constant,
  term: CompletionItemKind.Constant,
  standard: CompletionItemKind.Module,
  clause: CompletionItemKind.EnumMember,
  appendix: CompletionItemKind.File,
  principle: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
};

/** The finding's data an editor sends back with a code action request. */
interface FindingData {
  actual?: string;
  expected?: string[];
}

/**
 * The checker as a language server (LSP over stdio). One `CheckSession` holds the corpus; open files are
 * read from the editor's buffers, the rest from disk. After every change the session re-runs what the
 * change affects and the server publishes the findings of every file whose findings changed — the same
 * rule ids, messages and positions as `npm run check`.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)): void {
  const documents = new TextDocuments(TextDocument);
  let session: CheckSession | undefined;
  let config: SiteConfig | undefined;
  let ready: Promise<void> = Promise.resolve();
  let running: Promise<SessionRun | undefined> | undefined;
  let again = false;

  const relOfUri = (uri: string): string | undefined => (session && uri.startsWith('file:') ? session.relOf(fileURLToPath(uri)) : undefined);
  const uriOfDisplay = (display: string) => pathToFileURL(path.resolve(display)).href;

  const diagnostic = (m: VFileMessage): Diagnostic => {
    const line = Math.max(0, (m.line ?? 1) - 1);
    const character = Math.max(0, (m.column ?? 1) - 1);
    const end = m.place && 'end' in m.place ? { line: m.place.end.line - 1, character: m.place.end.column - 1 } : wordEnd(m, line, character);
    return {
      range: { start: { line, character }, end },
      severity: m.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'nd',
      message: m.reason,
      ...(m.ruleId ? { code: m.ruleId } : {}),
      ...(m.ruleId && isRuleId(m.ruleId) && config?.repository ? { codeDescription: { href: ruleHelpUri(m.ruleId, config.repository) } } : {}),
      ...(m.actual ? { data: { actual: m.actual, expected: m.expected } satisfies FindingData } : {}),
    };
  };

  /** The finding underlines the word at its place (the checker gives a point, editors want a range). */
  const wordEnd = (m: VFileMessage, line: number, character: number): Position => {
    const doc = m.file ? documents.get(uriOfDisplay(m.file)) : undefined;
    const text = doc?.getText({ start: { line, character }, end: { line, character: character + 200 } }) ?? '';
    const word = /^(?:[«"]?[\p{L}\p{N}_.:#/-]+[»"]?)/u.exec(text)?.[0].length ?? 1;
    return { line, character: character + Math.max(1, Math.min(word, text.length || 1)) };
  };

  const publish = (run: SessionRun) => {
    const byPath = new Map<string, Diagnostic[]>();
    for (const m of run.messages) {
      if (!run.changedPaths.has(m.file ?? '')) continue;
      const list = byPath.get(m.file ?? '') ?? [];
      list.push(diagnostic(m));
      byPath.set(m.file ?? '', list);
    }
    for (const p of run.changedPaths) void connection.sendDiagnostics({ uri: uriOfDisplay(p), diagnostics: byPath.get(p) ?? [] });
  };

  /** Runs the session; changes arriving meanwhile are run right after, in one more pass. */
  const schedule = (): Promise<SessionRun | undefined> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      await ready;
      let run: SessionRun | undefined;
      do {
        again = false;
        if (!session) return undefined;
        try {
          run = await session.run();
          publish(run);
        } catch (error) {
          connection.console.error(`Проверка не выполнена: ${(error as Error).message}`);
        }
      } while (again);
      return run;
    })().finally(() => (running = undefined));
    return running;
  };

  const current = async (): Promise<SessionRun | undefined> => {
    await ready;
    return running ? await running : session?.result;
  };

  const context = async (uri: string): Promise<Context | undefined> => {
    const run = await current();
    const rel = relOfUri(uri);
    const doc = documents.get(uri);
    if (!run || !rel || !doc || !config) return undefined;
    return { run, rel, text: doc.getText(), buildDate: config.buildDate, site: config.site };
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    const root = folder ? fileURLToPath(folder) : process.cwd();
    ready = (async () => {
      try {
        // Messages name files relative to the project, as `npm run check` prints them there.
        process.chdir(root);
        config = loadConfig(root, process.env);
        session = await CheckSession.open({
          root: config.contentRootAbs,
          buildDate: config.buildDate,
          rules: config.rules,
          review: config.review,
          cache: config.analysisCache,
          sites: audienceSites(config),
          // The server lives as long as the editor: analysing in worker threads would leave it holding their memory.
          workers: false,
        });
      } catch (error) {
        const message = error instanceof ConfigError ? error.message : `Проверка не запущена: ${(error as Error).message}`;
        connection.window.showErrorMessage(message);
        connection.console.error(message);
      }
    })();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['-', ' ', '"', '.', ':', '«'] },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'nd-lsp' },
    };
  });

  connection.onInitialized(async () => {
    try {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{mdx,json}' }] });
    } catch {
      // A client without dynamic registration still sends saves of open files.
    }
    await schedule();
  });

  documents.onDidChangeContent(async ({ document }) => {
    await ready;
    const rel = relOfUri(document.uri);
    if (!session || !rel) return;
    session.setText(rel, document.getText());
    await schedule();
  });

  documents.onDidClose(async ({ document }) => {
    await ready;
    const rel = relOfUri(document.uri);
    if (!session || !rel) return;
    // Closed without saving: the file on disk counts again.
    session.touch(rel);
    await schedule();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await ready;
    if (!session) return;
    for (const change of changes) {
      const rel = relOfUri(change.uri);
      if (!rel || (documents.get(change.uri) && change.type === FileChangeType.Changed)) continue;
      session.touch(rel);
    }
    await schedule();
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const ctx = await context(textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!ctx || !doc) return [];
    const offset = doc.offsetAt(position);
    return complete(ctx, offset).map((item, i) => ({
      label: item.label,
      kind: KINDS[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: item.documentation } : {}),
      sortText: String(i).padStart(5, '0'),
      filterText: item.label,
      textEdit: { range: { start: doc.positionAt(item.from), end: position }, newText: item.insert ?? item.label },
    }));
  });

  connection.onHover(async ({ textDocument, position }) => {
    const ctx = await context(textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!ctx || !doc) return null;
    const found = hover(ctx, doc.offsetAt(position));
    return found
      ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: { start: doc.positionAt(found.from), end: doc.positionAt(found.to) } }
      : null;
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const ctx = await context(textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!ctx || !doc) return null;
    const target = definition(ctx, doc.offsetAt(position));
    if (!target) return null;
    const at = { line: target.line - 1, character: target.column - 1 };
    return { uri: uriOfDisplay(target.path), range: { start: at, end: at } };
  });

  connection.onCodeAction(({ textDocument, context: { diagnostics } }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const actions = [];
    for (const d of diagnostics) {
      const data = d.data as FindingData | undefined;
      if (d.source !== 'nd' || !data?.actual) continue;
      const fix = quickFix(doc.getText(), { actual: data.actual, expected: data.expected }, doc.offsetAt(d.range.start));
      if (!fix) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [textDocument.uri]: [{ range: { start: doc.positionAt(fix.from), end: doc.positionAt(fix.to) }, newText: fix.replacement }] } },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
