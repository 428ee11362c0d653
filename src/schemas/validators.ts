import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** Where `npm run schemas` writes the compiled validators, from the project root. */
export const VALIDATORS_FILE = 'src/schemas/validators.generated.cjs';

let loaded: Record<string, ValidateFunction> | undefined;

/**
 * The validator of a JSON record's schema (`units.schema.json`), compiled ahead of time by ajv from the
 * document `schemas/<name>` publishes (scripts/generate-schemas.ts): the JSON Schema an author's editor
 * checks the file with is the one the checker applies. Loaded on first use.
 */
export function validatorFor(name: string): ValidateFunction {
  loaded ??= (createRequire(import.meta.url)('./validators.generated.cjs') as { bySchema: Record<string, ValidateFunction> }).bySchema;
  const validate = loaded[name];
  if (!validate) throw new Error(`unknown schema ${name}: run npm run schemas`);
  return validate;
}
