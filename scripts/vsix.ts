/**
 * `npm run vsix [-- --out FILE]` — packages the VS Code extension (editors/vscode) as a `.vsix` with
 * @vscode/vsce, its one runtime dependency (vscode-languageclient) included. Installs that dependency
 * into editors/vscode first when it is missing or older than the extension's lock file (from npm's cache when it
 * has it: the root project installs the same version as a devDependency).
 * Default output: editors/vscode/nd-vscode-<version>.vsix (not dist/: that is the site, replaced by each
 * build and served to every reader). Install: `code --install-extension <file>`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = path.join(ROOT, 'editors/vscode');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`не удалось: ${command} ${args.join(' ')} (код ${result.status ?? result.signal})`);
}

let values;
try {
  ({ values } = parseArgs({ options: { out: { type: 'string' } } }));
} catch (error) {
  process.stderr.write(`Неверные параметры: ${(error as Error).message}\nИспользование: npm run vsix -- [--out ФАЙЛ.vsix]\n`);
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as { version: string };
const out = path.resolve(values.out ?? path.join(ROOT, 'editors', 'vscode', `nd-vscode-${version}.vsix`));
mkdirSync(path.dirname(out), { recursive: true });

const installed = path.join(EXTENSION, 'node_modules/.package-lock.json');
const lock = path.join(EXTENSION, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], EXTENSION);
}
const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
if (!existsSync(vsce)) fail('нет @vscode/vsce: выполните npm ci в корне проекта');
run(process.execPath, [vsce, 'package', '--out', out, '--allow-missing-repository', '--skip-license'], EXTENSION);
process.stdout.write(`✓ расширение: ${path.relative(process.cwd(), out)}\n  установка: code --install-extension ${path.relative(process.cwd(), out)}\n`);
