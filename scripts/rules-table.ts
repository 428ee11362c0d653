/**
 * `node scripts/rules-table.ts`: the README's table of rules (id, default severity, what it
 * guards), printed from the one list of rules, so the README cannot drift from the code.
 */
import { RULES } from '../src/validation/rules/index.ts';

const SEVERITY = { error: 'ошибка', warning: 'предупреждение' } as const;

export function rulesTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${SEVERITY[rule.severity]} | ${rule.description.replaceAll('|', '\\|')} |`);
  return ['| правило | важность | что проверяет |', '|---|---|---|', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${rulesTable()}\n`);
