import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blocksToMdx } from '../../src/import/mdx-writer.ts';
import { analyse } from '../../src/import/pipeline.ts';
import type { Recognition } from '../../src/import/recognise.ts';
import { loadRegistries, type Registries } from '../../src/import/registries.ts';
import { projectRoot, realContent } from '../helpers/content-root.ts';
import { importInto, normalise, PT035_SOURCE } from './helpers.ts';

/**
 * ПТ-035 round trip: the export the old portal produced, imported, equals the hand-made edition in
 * passport, scope, roles and references, holds every sentence of the published text, and none of
 * the export's artefacts.
 */
const handMade = readFileSync(path.join(realContent, 'documents/pt-035/editions/1.0.mdx'), 'utf8');
const [, frontmatterText = '', handBody = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(handMade) ?? [];
const hand = parse(frontmatterText) as { passport: Record<string, unknown>; references: unknown[]; title: string; code: string; access: string };

let registries: Registries;
let rec: Recognition;
let body: string;

beforeAll(async () => {
  registries = await loadRegistries(realContent);
  rec = (await analyse(PT035_SOURCE, registries)).recognition;
  body = blocksToMdx(rec.body);
});

/** Every field path where two values differ: `passport.goals[2]: «…» ≠ «…»`. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b) ? [] : [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k),
  );
}

describe('ПТ-035 round trip', () => {
  it('reads the code, title and access level', () => {
    expect(differences({ code: rec.code, title: rec.title, access: rec.access }, { code: hand.code, title: hand.title, access: hand.access })).toEqual([]);
  });

  it('passport (with the scope) equals the hand-made one', () => {
    expect(differences(rec.passport, hand.passport)).toEqual([]);
  });

  it('references equal the hand-made ones', () => {
    expect(differences(rec.references, hand.references)).toEqual([]);
  });

  it('roles equal the registry entries the hand-made edition renders', () => {
    const expected = registries.roles.filter((r) => r.definedIn === 'ПТ-035').map((r) => ({ name: r.name, definition: r.definition }));
    expect(
      differences(
        rec.roles.map(({ name, definition }) => ({ name, definition })),
        expected,
      ),
    ).toEqual([]);
    expect(body).toContain('<RolesTable document="ПТ-035" />');
    expect(body).toContain('<NormativeReferences document="ПТ-035" />');
  });

  it('the body equals the hand-made body, its <Principles /> written out as the page shows them', () => {
    // The hand-made edition keeps the policy's principles as data (issue 13); the importer writes the text.
    const principles = (hand as unknown as { principles: Array<{ group: string; title: string; text?: string }> }).principles;
    const expanded = handBody.replace(/<Principles group="([a-z-]+)" \/>/g, (_, group: string) => {
      const items = principles.filter((p) => p.group === group);
      if (group !== 'principle') return items.map((p) => `«${p.title}»`).join(', ');
      return items.map((p, i) => `${i + 1}. **${p.title}**${p.text && !/^[,.;:]/.test(p.text) ? ' ' : ''}${p.text ?? ''}`).join('\n');
    });
    expect(body.trim()).toBe(expanded.trim());
  });

  it('holds every sentence of the source, as the rendered page shows it (artefacts aside)', () => {
    // What the page shows: the body, the passport and references from the frontmatter, the roles
    // from the registry, and the fixed texts of the document view and its components.
    const view = ['src/components/DocumentView.astro', 'src/render/components.ts', 'src/lib/passport.ts']
      .map((f) => readFileSync(path.join(projectRoot, f), 'utf8'))
      .join('\n');
    const unitPath = (id: string): string[] => {
      const u = registries.units.find((x) => x.id === id);
      return u ? [...(u.parent ? unitPath(u.parent) : []), u.name] : [];
    };
    const p = rec.passport;
    const header = `Политика «${rec.title}» ${rec.code}`; // the page's heading: type, title, code
    const units = [
      `${unitPath(p.responsibleForApplication!.unit).join(' ')} ${p.responsibleForApplication!.position}`,
      unitPath(p.responsibleForDevelopment!.unit).join(' '),
    ];
    const page = normalise(
      [
        header,
        ...units,
        body,
        JSON.stringify(rec.passport),
        rec.references.map((r) => `${r.cite} «${r.title}»`).join('\n'),
        rec.roles.map((r) => `${r.name}\n${r.definition}`).join('\n'),
        view,
      ]
        .join('\n')
        .replace(/\\"/g, '"'),
    );
    const ARTEFACTS = [
      /^\s*<b>Политика «Политика МТС в области качества и управления клиентским опытом в ПАО «МТС»»<\/b>\s*<b>ПТ-035<\/b>\s*$/,
      /^\s*Для неограниченного доступа\s*$/,
      /^\*\*МТС\*\*$/,
      /^Ты знаешь, что можешь!$/,
    ];
    const fragments = readFileSync(PT035_SOURCE, 'utf8')
      .split('\n')
      .filter((line) => !ARTEFACTS.some((re) => re.test(line)))
      .map((line) => line.replace(/^\d+\.\s+(?=\*\*)/, ''))
      .flatMap((line) => line.replace(/<input type="checkbox"\/>/g, '\t').split('\t'))
      .flatMap((cell) => cell.split(/(?<=[.;!?])\s+(?=[А-ЯA-Z0-9«"])/))
      .map(normalise)
      .filter((f) => f.length > 0 && f !== 'нет'); // «нет» is the access restriction, shown from the registry
    expect(fragments.length).toBeGreaterThan(60);
    expect(fragments.filter((f) => !page.includes(f))).toEqual([]);
  });

  it('keeps none of the artefacts and lists each removal with its line', async () => {
    expect(body).not.toContain('checkbox');
    expect(body).not.toContain('<b>');
    expect(body).not.toContain('клиентским опытом в ПАО «МТС»»');
    expect(body).not.toContain('Ты знаешь, что можешь');
    expect(body).toContain('Предоставляя инновационные услуги и решения, МТС вносит значимый вклад');
    const { source } = await analyse(PT035_SOURCE, registries);
    const headers = source.removals.filter((r) => r.reason.startsWith('колонтитул'));
    expect(headers.map((r) => r.line)).toEqual([29, 54, 83]);
    expect(source.removals.some((r) => /соединено/.test(r.reason) && r.line === 57)).toBe(true);
  });

  it('imports as a new edition 1.1 of the existing document that passes the checker', async () => {
    const result = await importInto([PT035_SOURCE]);
    const [file] = result.files;
    expect(file?.error).toBeUndefined();
    expect(file?.written).toEqual(['documents/pt-035/editions/1.1.mdx']);
    expect(file?.check).toEqual([]);
    expect(file?.status).toBe('imported');
    expect(result.summary).toEqual({ imported: 1, findings: 0, failed: 0 });
  });

  it('refuses to overwrite an existing edition', async () => {
    const result = await importInto([PT035_SOURCE], { version: '1.0' });
    expect(result.files[0]?.status).toBe('failed');
    expect(result.files[0]?.error).toMatch(/редакция 1\.0 документа ПТ-035 уже есть.*не перезаписывает/);
    expect(readFileSync(path.join(result.root, 'documents/pt-035/editions/1.0.mdx'), 'utf8')).toBe(handMade);
  });
});
