import { fileURLToPath } from 'node:url';
import { CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { CheckSession } from '../validation/session.ts';
import { relOfUri, schedule, type ServerState } from './state.ts';

/** The workspace opened as a check session, and the session kept in step with the editor's buffers and the files on disk. */
export function registerSync(s: ServerState) {
  const { connection, documents } = s;
  connection.onInitialize((params) => {
    s.ready = openSession(s, params);
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
    await schedule(s);
  });

  documents.onDidChangeContent(async ({ document }) => {
    await s.ready;
    const rel = relOfUri(s, document.uri);
    if (!s.session || !rel) return;
    s.session.setText(rel, document.getText());
    await schedule(s);
  });

  documents.onDidClose(async ({ document }) => {
    await s.ready;
    const rel = relOfUri(s, document.uri);
    if (!s.session || !rel) return;
    // Closed without saving: the file on disk counts again.
    s.session.touch(rel);
    await schedule(s);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await s.ready;
    if (!s.session) return;
    for (const change of changes) {
      const rel = relOfUri(s, change.uri);
      if (!rel || (documents.get(change.uri) && change.type === FileChangeType.Changed)) continue;
      s.session.touch(rel);
    }
    await schedule(s);
  });
}

/** Reads the workspace's settings and opens the session; a failure is shown to the user, and the server stays idle. */
async function openSession(s: ServerState, params: InitializeParams) {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  const root = folder ? fileURLToPath(folder) : process.cwd();
  try {
    // Messages name files relative to the project, as `npm run check` prints them there.
    process.chdir(root);
    s.config = loadConfig(root, process.env);
    s.session = await CheckSession.open({
      root: s.config.contentRootAbs,
      buildDate: s.config.buildDate,
      rules: s.config.rules,
      review: s.config.review,
      cache: s.config.analysisCache,
      sites: audienceSites(s.config),
      // The server lives as long as the editor: analysing in worker threads would leave it holding their memory.
      workers: false,
    });
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Проверка не запущена: ${(error as Error).message}`;
    s.connection.window.showErrorMessage(message);
    s.connection.console.error(message);
  }
}
