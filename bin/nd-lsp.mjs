#!/usr/bin/env node
// The checker's language server over stdio, started in the project folder (see README, «Редактор»).
import '../scripts/lsp.ts';
