import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * An editor as the language server sees it (tests and `npm run bench:lsp`): starts `scripts/lsp.ts` as a child process and speaks
 * LSP JSON-RPC with it over stdio. Diagnostics the server publishes are kept by URI; `waitFor`
 * resolves when a file's diagnostics satisfy a test.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, ['--max-semi-space-size=2', path.join(projectRoot, 'scripts/lsp.ts'), '--stdio'], {
      cwd: projectRoot,
      env: { ...process.env, ND_BUILD_DATE: '2026-06-01', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.diagnostics.set(uri, diagnostics);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.listen();
  }

  /** The server's process id (for its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(root = projectRoot): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'nd' }],
      capabilities: { textDocument: { publishDiagnostics: {}, completion: {}, hover: {}, definition: {}, codeAction: {} } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(file: string, text: string): string {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mdx', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text, as a client without incremental sync would. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the file's diagnostics once `test` holds for them (or rejects after `ms`). */
  waitFor(uri: string, test: (diagnostics: Diagnostic[]) => boolean, ms = 20_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`)), ms);
      const check = () => {
        const current = this.diagnostics.get(uri);
        if (current && test(current)) {
          clearTimeout(timer);
          resolve(current);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => (this.child.exitCode !== null ? resolve(null) : this.child.once('exit', resolve)));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    this.child.kill();
  }
}
