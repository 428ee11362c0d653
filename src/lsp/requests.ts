import { CodeActionKind, CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import { complete } from './completion.ts';
import type { Item } from './context.ts';
import { definition, hover } from './navigation.ts';
import { quickFix } from './quick-fix.ts';
import { contextOf, uriOfDisplay, type FindingData, type ServerState } from './state.ts';

/** The editor's requests about a file — completion, hover, go to definition, quick fixes — answered from the features in LSP's shapes. */

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

export function registerRequests(s: ServerState) {
  const { connection, documents } = s;
  connection.onCompletion(async ({ textDocument, position }) => {
    const ctx = await contextOf(s, textDocument.uri);
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
    const ctx = await contextOf(s, textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!ctx || !doc) return null;
    const found = hover(ctx, doc.offsetAt(position));
    return found
      ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: { start: doc.positionAt(found.from), end: doc.positionAt(found.to) } }
      : null;
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const ctx = await contextOf(s, textDocument.uri);
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
}
