import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from './content-root.ts';
import { freePort } from './postgres.ts';

export interface RunningService {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run ack` as its own process (node scripts/ack.ts) on a free loopback port; resolves once it listens. */
export async function startService(env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/ack.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ND_ACK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`служба не запустилась за 60 с:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('служба ознакомления:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`служба завершилась с кодом ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One employee's acknowledgement of ПТ-035 1.0: the status, or 0 when the connection broke. */
export async function acknowledge(url: string, login: string): Promise<number> {
  try {
    const response = await fetch(`${url}/api/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nd-user': login },
      body: JSON.stringify({ code: 'ПТ-035', version: '1.0' }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
