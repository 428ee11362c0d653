import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { DiagnosticSeverity, type Connection, type Diagnostic, type Position, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SiteConfig } from '../lib/config.ts';
import { ruleHelpUri } from '../validation/reporters/index.ts';
import { isRuleId } from '../validation/rules/index.ts';
import type { CheckSession, SessionRun } from '../validation/session.ts';
import type { Context } from './context.ts';

/** What the server holds between requests, and how a change becomes a check run and published findings. */
export interface ServerState {
  readonly connection: Connection;
  /** The editor's open buffers. */
  readonly documents: TextDocuments<TextDocument>;
  /** Set once the workspace is opened (`initialize`); stays unset when the settings cannot be read. */
  session?: CheckSession;
  config?: SiteConfig;
  /** Settles when the session is open (or failed to open). */
  ready: Promise<void>;
  /** The run under way, and whether a change arrived meanwhile. */
  running?: Promise<SessionRun | undefined>;
  again: boolean;
}

/** The finding's data an editor sends back with a code action request. */
export interface FindingData {
  actual?: string;
  expected?: string[];
}

/** The corpus-relative path of an editor's file, when it belongs to the corpus. */
export const relOfUri = (s: ServerState, uri: string): string | undefined =>
  s.session && uri.startsWith('file:') ? s.session.relOf(fileURLToPath(uri)) : undefined;
/** The URI of a path as the checker prints it (relative to the project). */
export const uriOfDisplay = (display: string) => pathToFileURL(path.resolve(display)).href;

/** Runs the session; changes arriving meanwhile are run right after, in one more pass. */
export function schedule(s: ServerState): Promise<SessionRun | undefined> {
  if (s.running) {
    s.again = true;
    return s.running;
  }
  s.running = (async () => {
    await s.ready;
    let run: SessionRun | undefined;
    do {
      s.again = false;
      if (!s.session) return undefined;
      try {
        run = await s.session.run();
        publish(s, run);
      } catch (error) {
        s.connection.console.error(`Проверка не выполнена: ${(error as Error).message}`);
      }
    } while (s.again);
    return run;
  })().finally(() => (s.running = undefined));
  return s.running;
}

/** What a request about a file reads: the latest run (waiting for one under way), the file and its buffer. */
export async function contextOf(s: ServerState, uri: string): Promise<Context | undefined> {
  await s.ready;
  const run = s.running ? await s.running : s.session?.result;
  const rel = relOfUri(s, uri);
  const doc = s.documents.get(uri);
  if (!run || !rel || !doc || !s.config) return undefined;
  return { run, rel, text: doc.getText(), buildDate: s.config.buildDate, site: s.config.site };
}

/** Sends the findings of every file whose findings changed in this run (an empty list clears a file). */
function publish(s: ServerState, run: SessionRun) {
  const byPath = new Map<string, Diagnostic[]>();
  for (const m of run.messages) {
    if (!run.changedPaths.has(m.file ?? '')) continue;
    const list = byPath.get(m.file ?? '') ?? [];
    list.push(diagnostic(s, m));
    byPath.set(m.file ?? '', list);
  }
  for (const p of run.changedPaths) void s.connection.sendDiagnostics({ uri: uriOfDisplay(p), diagnostics: byPath.get(p) ?? [] });
}

function diagnostic(s: ServerState, m: VFileMessage): Diagnostic {
  const line = Math.max(0, (m.line ?? 1) - 1);
  const character = Math.max(0, (m.column ?? 1) - 1);
  const end = m.place && 'end' in m.place ? { line: m.place.end.line - 1, character: m.place.end.column - 1 } : wordEnd(s, m, line, character);
  return {
    range: { start: { line, character }, end },
    severity: m.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'nd',
    message: m.reason,
    ...(m.ruleId ? { code: m.ruleId } : {}),
    ...(m.ruleId && isRuleId(m.ruleId) && s.config?.repository ? { codeDescription: { href: ruleHelpUri(m.ruleId, s.config.repository) } } : {}),
    ...(m.actual ? { data: { actual: m.actual, expected: m.expected } satisfies FindingData } : {}),
  };
}

/** The finding underlines the word at its place (the checker gives a point, editors want a range). */
function wordEnd(s: ServerState, m: VFileMessage, line: number, character: number): Position {
  const doc = m.file ? s.documents.get(uriOfDisplay(m.file)) : undefined;
  const text = doc?.getText({ start: { line, character }, end: { line, character: character + 200 } }) ?? '';
  const word = /^(?:[«"]?[\p{L}\p{N}_.:#/-]+[»"]?)/u.exec(text)?.[0].length ?? 1;
  return { line, character: character + Math.max(1, Math.min(word, text.length || 1)) };
}
