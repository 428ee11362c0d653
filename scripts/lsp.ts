/**
 * `npm run lsp` — the checker as a language server over stdio (editors/vscode starts it; Neovim,
 * JetBrains LSP4IJ and other LSP clients run `npx nd-lsp --stdio` in the project folder).
 */
import { startServer } from '../src/lsp/server.ts';

startServer();
