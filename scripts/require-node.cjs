// Runs before the portal's npm scripts (their "pre" hooks) on whatever Node the machine has, so it is plain
// CommonJS: on Node older than 22.12 the TypeScript scripts cannot even load (ERR_UNKNOWN_FILE_EXTENSION with a
// stack trace), and this says why and what to do instead. It also catches a project whose packages are not
// installed yet («Cannot find package 'astro'»).

/** The message for a Node version the portal cannot run on, or undefined when it can. */
function nodeProblem(version) {
  const [major, minor] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return undefined;
  return [
    `✗ нужен Node.js 22.12 или новее, а запущен ${version}.`,
    '  Поставьте Node 24 (.node-version) из реестра npm и возьмите его первым в PATH:',
    '    npm install --prefix ~/.cache/node24 --no-save node@24',
    '    export PATH=~/.cache/node24/node_modules/node/bin:$PATH',
    '  затем снова npm ci и эту команду.',
  ].join('\n');
}

/** The message for a project whose packages are not installed (`npm ci` not run yet), or undefined. */
function installProblem(projectRoot) {
  const installed = require('node:fs').existsSync(require('node:path').join(projectRoot, 'node_modules', '.package-lock.json'));
  return installed ? undefined : '✗ пакеты проекта не установлены: сначала выполните npm ci.';
}

module.exports = { nodeProblem, installProblem };

if (require.main === module) {
  const problem = nodeProblem(process.versions.node) ?? installProblem(require('node:path').join(__dirname, '..'));
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
