import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

/**
 * The CI templates name npm scripts and files; these tests run every command they name against a
 * fixture content tree, so renaming a script or a report file breaks here, not in someone's pipeline.
 * Build and deploy commands are only checked to exist: building a site is another suite's work.
 */
const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const gitlab = parse(readFileSync(path.join(projectRoot, '.gitlab-ci.yml'), 'utf8')) as Record<string, any>;
const github = parse(readFileSync(path.join(projectRoot, '.github/workflows/nd.yml'), 'utf8')) as Record<string, any>;

/** Every `npm run <script>` and `node <file>` a shell line names. */
function named(line: string): { scripts: string[]; files: string[] } {
  const scripts = [...line.matchAll(/\bnpm run(?:\s+(?:-s|--silent))?\s+([\w:.-]+)/g)].map((m) => m[1] ?? '');
  const files = [...line.matchAll(/\bnode\s+([\w./-]+\.[cm]?[jt]s)\b/g)].map((m) => m[1] ?? '');
  return { scripts, files };
}
const BUILD_OR_DEPLOY = new Set(['build', 'start']);
const isBuildOrDeploy = (line: string) => named(line).scripts.some((s) => BUILD_OR_DEPLOY.has(s));
const isInstall = (line: string) => /^npm ci\b/.test(line);

const gitlabJobs = Object.entries(gitlab).filter(([, job]) => job && typeof job === 'object' && Array.isArray(job.script));
/** A workflow step as the tests read it. */
type Step = { job: string; run?: string; uses?: string; if?: string; with?: Record<string, string> };
const githubSteps: Step[] = Object.entries(github.jobs as Record<string, { steps: Array<Omit<Step, 'job'>> }>).flatMap(([job, { steps }]) =>
  steps.map((step) => ({ job, ...step })),
);
const allLines = [
  ...gitlabJobs.flatMap(([, job]) => [...(job.before_script ?? gitlab.default?.before_script ?? []), ...job.script] as string[]),
  ...githubSteps.flatMap((step) => (step.run ? [step.run as string] : [])),
];

/** A working folder that looks like the project (package.json, scripts, config) but writes its reports elsewhere. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nd-ci-'));
  for (const name of ['package.json', 'nd.config.json', 'scripts', 'src', 'schemas', 'node_modules'])
    symlinkSync(path.join(projectRoot, name), path.join(dir, name));
  return dir;
}

/** Runs shell lines as a CI runner does: in order, stopping at the first failure. */
function runLines(lines: string[], root: string, cwd = workspace()) {
  const env = { ...process.env, ND_CONTENT_ROOT: root, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
  for (const line of lines) {
    const run = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8' });
    if (run.status !== 0) return { status: run.status, stdout: run.stdout, stderr: run.stderr, cwd };
  }
  return { status: 0, stdout: '', stderr: '', cwd };
}

let clean: string;
let broken: string;
beforeAll(async () => {
  clean = await contentRoot();
  const edition = 'documents/pt-035/editions/1.0.mdx';
  broken = await contentRoot({ [edition]: readFileSync(path.join(projectRoot, 'content', edition), 'utf8').replace('Приложении 3.', 'Приложении 4.') });
});

describe('every command the templates name exists', () => {
  it('names something', () => expect(allLines.length).toBeGreaterThan(5));
  it.each(allLines)('%s', (line) => {
    const { scripts, files } = named(line);
    for (const script of scripts) expect(pkg.scripts, `npm run ${script}`).toHaveProperty([script]);
    for (const file of files) expect(existsSync(path.join(projectRoot, file)), file).toBe(true);
    if (isInstall(line)) expect(existsSync(path.join(projectRoot, 'package-lock.json'))).toBe(true);
  });
});

describe('.gitlab-ci.yml', () => {
  const [, check] = gitlabJobs.find(([name]) => name === 'check')!;
  const commands = (check.script as string[]).filter((l) => !isBuildOrDeploy(l));
  const reportFile = check.artifacts.reports.codequality as string;

  it('check: a broken reference fails the job and still leaves the Code Quality report', () => {
    const run = runLines(commands, broken);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ref\/unknown-appendix/);
    const report = JSON.parse(readFileSync(path.join(run.cwd, reportFile), 'utf8')) as Array<{ check_name: string }>;
    expect(report.map((issue) => issue.check_name)).toEqual(['ref/unknown-appendix']);
    expect(check.artifacts.when).toBe('always');
  });

  it('check: clean content passes with an empty report', () => {
    const run = runLines(commands, clean);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(run.cwd, reportFile), 'utf8'))).toEqual([]);
  });

  it('build and pages: the build script exists, Pages publishes its output on the default branch only', () => {
    expect(gitlab.build.script.some(isBuildOrDeploy)).toBe(true);
    expect(gitlab.build.artifacts.paths).toContain('dist/');
    expect(gitlab.pages.script.join('\n')).toContain('cp -r dist public');
    expect(gitlab.pages.artifacts.paths).toEqual(['public']);
    expect(gitlab.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
  });
});

describe('.github/workflows/nd.yml', () => {
  const steps = githubSteps.filter((s) => s.job === 'check');
  const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
  const sarifFile = upload.with?.sarif_file ?? '';
  /** The check job's commands, honouring `if: always()` after a failed step as Actions does. */
  function runJob(root: string) {
    const cwd = workspace();
    let failed: Record<string, any> | undefined;
    const outputs: string[] = [];
    for (const step of steps) {
      if (!step.run || isInstall(step.run) || isBuildOrDeploy(step.run)) continue;
      if (failed && step.if !== 'always()') continue;
      const run = runLines([step.run], root, cwd);
      outputs.push(run.stdout);
      if (run.status !== 0) failed ??= { ...step, status: run.status, stdout: run.stdout };
    }
    return { cwd, failed, outputs };
  }

  it('check: annotations fail the job; the SARIF step still writes the file the upload step sends', () => {
    const { cwd, failed } = runJob(broken);
    expect(failed?.status).toBe(1);
    expect(failed?.stdout).toMatch(/^::error file=[^,]+1\.0\.mdx,line=\d+,col=\d+,title=ref\/unknown-appendix::/m);
    expect(upload.if).toBe('always()');
    const log = JSON.parse(readFileSync(path.join(cwd, sarifFile), 'utf8'));
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ref/unknown-appendix']);
  });

  it('check: clean content passes; the job may upload security events', () => {
    expect(runJob(clean).failed).toBeUndefined();
    expect(github.jobs.check.permissions['security-events']).toBe('write');
  });

  it('build: runs after the check and keeps dist/', () => {
    const build = githubSteps.filter((s) => s.job === 'build');
    expect(github.jobs.build.needs).toBe('check');
    expect(build.some((s) => s.run && isBuildOrDeploy(s.run))).toBe(true);
    expect(build.find((s) => String(s.uses).startsWith('actions/upload-artifact@'))?.with?.path).toBe('dist/');
  });
});

/**
 * The tools each image a template names has, as declared by its maintainers: node:*-slim images are
 * Debian's essential packages plus Node (no git, no curl); the full node images are buildpack-deps
 * (git, curl, wget…); GitHub's ubuntu-latest runner has git, curl and gh. A command whose tool is not
 * in the job's image fails in the pipeline, never on a developer's machine: this list is how the test sees it.
 */
const ESSENTIAL = [
  'sh',
  'cd',
  'cp',
  'rm',
  'mv',
  'mkdir',
  'cat',
  'echo',
  'printf',
  'test',
  '[',
  'true',
  'false',
  'ls',
  'tar',
  'gzip',
  'sed',
  'grep',
  'env',
  'export',
  'exit',
  'set',
];
const NODE = ['node', 'npm', 'npx'];
const IMAGE_TOOLS: Record<string, string[]> = {
  'node:24-bookworm-slim': [...ESSENTIAL, ...NODE],
  'node:24-bookworm': [...ESSENTIAL, ...NODE, 'git', 'curl', 'wget', 'ssh'],
  'ubuntu-latest': [...ESSENTIAL, ...NODE, 'git', 'curl', 'wget', 'gh', 'jq'],
};
/** Tools an npm script runs besides Node: the merge-request report reads the base revision with git and tar. */
const SCRIPT_TOOLS: Record<string, string[]> = { report: ['git', 'tar'] };

/** The commands a shell line runs: the first word of each simple command, quoted text left out. */
function commandsOf(line: string): string[] {
  const bare = line
    .replace(/\\\n/g, ' ')
    .replace(/'[^']*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return bare
    .split(/\n|&&|\|\||[;|]|\$\(|`/)
    .map((part) => part.trim().replace(/^(?:(?:if|then|else|elif|do|while|until|!)\s+)+/, ''))
    .map((part) => part.split(/\s+/).find((word) => !/^\w+=/.test(word)) ?? '')
    .filter((word) => word && !['fi', 'done', 'then', 'else', ')', '{', '}'].includes(word));
}

/** The tools a job's lines need that its image does not have. */
function missingTools(image: string, lines: string[]): string[] {
  const has = new Set(IMAGE_TOOLS[image] ?? []);
  const needed = lines.flatMap((line) => [...commandsOf(line), ...named(line).scripts.flatMap((script) => SCRIPT_TOOLS[script] ?? [])]);
  return [...new Set(needed.filter((tool) => !has.has(tool)))];
}

describe('every job runs in an image that has its tools', () => {
  it('catches a tool the image lacks, in a command or behind an npm script', () => {
    expect(missingTools('node:24-bookworm-slim', ['git fetch origin "$BRANCH"', 'npm run -s report -- --base x'])).toEqual(['git']);
    expect(missingTools('node:24-bookworm-slim', ['npm run -s report -- --base x'])).toEqual(['git']);
    expect(missingTools('node:24-bookworm', ['git fetch origin main', 'if [ -n "$T" ]; then\n  curl -s x | cat\nfi'])).toEqual([]);
    expect(commandsOf("node -e 'a; b | c' > out.json")).toEqual(['node']);
  });

  it.each(gitlabJobs.map(([name, job]) => [name, job] as const))('.gitlab-ci.yml: %s', (_name, job) => {
    const image = (job.image ?? gitlab.default?.image) as string;
    expect(Object.keys(IMAGE_TOOLS), `образ ${image} не описан в IMAGE_TOOLS`).toContain(image);
    const lines = [...(job.before_script ?? gitlab.default?.before_script ?? []), ...job.script] as string[];
    expect(missingTools(image, lines)).toEqual([]);
  });

  it.each(Object.keys(github.jobs))('.github/workflows/nd.yml: %s', (name) => {
    const image = github.jobs[name]['runs-on'] as string;
    expect(Object.keys(IMAGE_TOOLS)).toContain(image);
    expect(
      missingTools(
        image,
        githubSteps.filter((s) => s.job === name && s.run).map((s) => s.run!),
      ),
    ).toEqual([]);
  });
});
