import { startPostgres } from '../helpers/postgres.ts';
import { execFileSync } from 'node:child_process';
const c = await startPostgres();
const url = await c.database();
try {
  console.log(execFileSync(process.execPath, ['scripts/bench-ack.ts'], { env: { ...process.env, ND_ACK_DATABASE_URL: url }, encoding: 'utf8' }));
} finally {
  await c.stop();
}
