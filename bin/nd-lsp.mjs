#!/usr/bin/env -S node --max-semi-space-size=2
// The checker's language server over stdio, started in the project folder (see README, «Редактор»).
import '../scripts/lsp.ts';
