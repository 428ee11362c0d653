// The editor side of the checker's language server: starts `scripts/lsp.ts` of the open project with the
// project's Node.js (it runs TypeScript directly, the editor's own runtime may not) and talks LSP over stdio.
const path = require('node:path');
const { existsSync } = require('node:fs');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The first workspace folder that is a project of normative documents (has nd.config.json and scripts/lsp.ts). */
function projectFolder() {
  return (vscode.workspace.workspaceFolders ?? [])
    .map((folder) => folder.uri.fsPath)
    .find((root) => existsSync(path.join(root, 'nd.config.json')) && existsSync(path.join(root, 'scripts', 'lsp.ts')));
}

async function start(context) {
  const root = projectFolder();
  if (!root) return;
  const node = vscode.workspace.getConfiguration('nd').get('nodePath') || 'node';
  const server = {
    command: node,
    // Small young-generation spaces keep the long-lived server's memory down.
    args: ['--max-semi-space-size=2', path.join(root, 'scripts', 'lsp.ts'), '--stdio'],
    transport: TransportKind.stdio,
    options: { cwd: root },
  };
  client = new LanguageClient(
    'nd',
    'Нормативные документы',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', pattern: '**/*.mdx' },
        { scheme: 'file', language: 'mdx' },
        { scheme: 'file', pattern: '**/content/**/*.json' },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/content/**/*.{mdx,json}') },
      workspaceFolder: vscode.workspace.getWorkspaceFolder(vscode.Uri.file(root)),
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

exports.activate = async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('nd.restart', async () => {
      if (client) await client.stop();
      client = undefined;
      await start(context);
    }),
  );
  try {
    await start(context);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Проверка не запущена: ${error instanceof Error ? error.message : String(error)}. Нужен Node.js 22.12 или новее (настройка nd.nodePath).`,
    );
  }
};

exports.deactivate = () => client?.stop();
