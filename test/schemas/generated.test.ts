import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generate-schemas.ts';
import { JSON_SCHEMAS } from '../../src/schemas/index.ts';
import { validatorFor, VALIDATORS_FILE } from '../../src/schemas/validators.ts';
import { projectRoot } from '../helpers/content-root.ts';

describe('files `npm run schemas` writes from the zod shapes', () => {
  const generated = generatedFiles();

  it('lists every JSON Schema, the configuration and the compiled validators', () => {
    const names = [...generated.keys()];
    expect(names).toContain(VALIDATORS_FILE);
    expect(names).toContain(path.join('schemas', 'nd-config.schema.json'));
    for (const name of Object.keys(JSON_SCHEMAS)) expect(names).toContain(path.join('schemas', name));
  });

  it.each([...generated.keys()])('%s is committed as generated (else: npm run schemas)', (file) => {
    expect(readFileSync(path.join(projectRoot, file), 'utf8') === generated.get(file)).toBe(true);
  });

  it('a compiled validator applies its schema: defaults filled, an unknown key reported with the known ones', () => {
    const record = { items: [{ id: 'dkko', name: 'Департамент', parent: null, hed: 'x' }] };
    const validate = validatorFor('units.schema.json');
    expect(validate(record)).toBe(false);
    const unknown = validate.errors?.find((e) => e.keyword === 'additionalProperties');
    expect(unknown?.params).toEqual({ additionalProperty: 'hed' });
    expect(Object.keys((unknown?.parentSchema as { properties: object }).properties)).toContain('parent');
  });

  it('an unknown schema name is a programming error that says how to regenerate', () => {
    expect(() => validatorFor('nothing.schema.json')).toThrow(/npm run schemas/);
  });
});
