import { createConnection, ProposedFeatures, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerRequests } from './requests.ts';
import type { ServerState } from './state.ts';
import { registerSync } from './sync.ts';

/**
 * The checker as a language server (LSP over stdio). One `CheckSession` holds the corpus; open files are
 * read from the editor's buffers, the rest from disk. After every change the session re-runs what the
 * change affects and the server publishes the findings of every file whose findings changed — the same
 * rule ids, messages and positions as `npm run check`.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)): void {
  const state: ServerState = { connection, documents: new TextDocuments(TextDocument), ready: Promise.resolve(), again: false };
  registerSync(state);
  registerRequests(state);
  state.documents.listen(connection);
  connection.listen();
}
