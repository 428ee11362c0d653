/**
 * `npm run schemas`: writes `schemas/*.schema.json` from the zod shapes in `src/schemas/`
 * (the one definition). `--check` exits 1 when a committed file is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configSchema } from '../src/lib/config.ts';
import { JSON_SCHEMAS } from '../src/schemas/index.ts';
import { jsonSchemaFor } from '../src/schemas/json-schema.ts';
import { z } from 'zod';

export function allSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(JSON_SCHEMAS)) out[name] = jsonSchemaFor(name);
  out['nd-config.schema.json'] = {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    $id: '/schemas/nd-config.schema.json',
    title: 'Настройки портала (nd.config.json)',
  };
  return out;
}

async function main() {
  const checkOnly = process.argv.includes('--check');
  let stale = 0;
  for (const [name, schema] of Object.entries(allSchemas())) {
    const file = path.join('schemas', name);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current === text) continue;
    stale++;
    if (checkOnly) process.stdout.write(`устарел: ${file}\n`);
    else await writeFile(file, text);
  }
  if (checkOnly && stale) {
    process.stdout.write('Схемы устарели: выполните npm run schemas\n');
    process.exit(1);
  }
  if (!checkOnly) process.stdout.write(`схем обновлено: ${stale}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
