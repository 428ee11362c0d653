/**
 * `npm run lsp` — the checker as a language server over stdio. Editors start it as
 * `node --max-semi-space-size=2 scripts/lsp.ts --stdio` in the project folder (editors/vscode does; the
 * README shows Neovim and JetBrains LSP4IJ). The small young generation keeps the long-lived process
 * near 250 MB on 1,000 documents instead of 350–500 MB: it trades a little more frequent scavenging.
 */
import { startServer } from '../src/lsp/server.ts';

const USAGE = 'Использование: npm run lsp — языковой сервер для редактора (он сам запускает его с --stdio; также --node-ipc, --socket=ПОРТ, --pipe=ИМЯ)';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/.test(arg))) {
  // Without a transport vscode-languageserver throws in English; say what an editor passes instead.
  process.stderr.write(`✗ не указан канал связи с редактором\n${USAGE}\n`);
  process.exitCode = 2;
} else startServer();
