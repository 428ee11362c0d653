import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentRoot, overlayFixture } from './content-root.ts';

/**
 * The real content with the `publication` fixture: a public ПР-900 whose old edition 0.9 is a trade
 * secret, citing the trade-secret ПР-901, which defines a role and a term of its own.
 */
export async function restrictedCorpus(): Promise<string> {
  const root = await contentRoot();
  await overlayFixture(root, 'publication');
  const append = async (rel: string, item: Record<string, unknown>) => {
    const file = path.join(root, rel);
    const registry = JSON.parse(await readFile(file, 'utf8')) as { items: unknown[] };
    registry.items.push(item);
    await writeFile(file, JSON.stringify(registry, null, 2));
  };
  await append('registries/roles.json', {
    id: 'qxzmarkroleid',
    name: 'Роль qxzmarkrolename',
    definition: 'Определение qxzmarkroledef',
    definedIn: 'ПР-901',
    forms: ['qxzmarkroleform'],
    sample: true,
  });
  await append('registries/terms.json', {
    id: 'qxzmarktermid',
    term: 'qxzmarkterm',
    definition: 'Определение qxzmarktermdef',
    definedIn: 'ПР-901',
    sample: true,
  });
  return root;
}
