import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Runs `node scripts/build.ts` as a user would, on any content root, into its own folders. */
export async function buildSite(
  options: { root?: string; date?: string; audience?: string; outDir?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<BuildResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'nd-build-'));
  const outDir = options.outDir ?? path.join(work, 'dist');
  const args = ['scripts/build.ts', '--out', outDir];
  if (options.root) args.push('--root', options.root);
  if (options.date) args.push('--date', options.date);
  if (options.args) args.push(...options.args);
  const env = { ...process.env, ND_CACHE_DIR: path.join(work, 'cache'), ...(options.audience ? { ND_AUDIENCE: options.audience } : {}), ...options.env };
  return runNode(args, env, outDir);
}

/** Runs `node scripts/check.ts …` and captures its output. */
export function runCheckCli(args: string[], env: Record<string, string> = {}): Promise<BuildResult> {
  return runNode(['scripts/check.ts', ...args], { ...process.env, ...env }, '');
}

function runNode(args: string[], env: NodeJS.ProcessEnv, outDir: string): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr, outDir }));
  });
}
