import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { BASES_DIR, ruleUnit, unitFolders, type RuleUnit } from '../../src/validation/rule-units.ts';
import type { RuleFixture } from '../../src/schemas/rule-fixture.ts';
import { contentRoot, formatMessages } from './content-root.ts';

/** The sites links are checked against, as nd.config.json builds them: one site, for the internal audience. */
export const internalSites = (buildDate: string) => audienceSites({ audience: 'internal', buildDate });

/**
 * Rules whose fixture.json says `ownFixturesOnly` (they judge dates against the calendar of review
 * periods, and other fixtures date their editions freely): off unless their own unit is checked.
 */
export const OWN_FIXTURES_ONLY = unitFolders().filter((id) => ruleUnit(id).fixture.ownFixturesOnly);

const offExcept = (rule: string | undefined) => Object.fromEntries(OWN_FIXTURES_ONLY.filter((id) => id !== rule).map((id) => [id, 'off' as const]));

/**
 * A content root made once for one kind of unit (its content folders and base) and reused: each
 * check lays an overlay over it and takes it off again afterwards, so a unit costs one check, not
 * one copy of the content plus one check.
 */
export class OverlayRoot {
  readonly root: string;
  /** Every file and folder of the root as made: what each check must leave behind. */
  private readonly made: Map<string, Buffer>;

  private constructor(root: string) {
    this.root = root;
    this.made = snapshot(root);
  }

  static async create(fixture: Pick<RuleFixture, 'content' | 'base'>): Promise<OverlayRoot> {
    const root = await contentRoot({}, { only: fixture.content });
    if (fixture.base) await cp(path.join(BASES_DIR, fixture.base), root, { recursive: true });
    return new OverlayRoot(root);
  }

  /** Files and folders added, removed or changed since the root was made (none, if every overlay was taken off). */
  changed(): string[] {
    const now = snapshot(this.root);
    const names = new Set([...now.keys(), ...this.made.keys()]);
    return [...names].filter((rel) => !now.get(rel)?.equals(this.made.get(rel) ?? Buffer.alloc(0)) || !this.made.has(rel)).sort();
  }

  /** Checks the root with `overlay` (a folder of content files, or none) laid over it; the root is as before afterwards. */
  async check(overlay: string | undefined, options: { buildDate: string; rule?: string; reviewLeadDays?: number }) {
    const undo = overlay ? await this.lay(overlay) : async () => {};
    try {
      const result = await check({
        root: this.root,
        buildDate: options.buildDate,
        rules: offExcept(options.rule),
        review: options.reviewLeadDays === undefined ? undefined : { leadDays: options.reviewLeadDays },
        sites: internalSites(options.buildDate),
      });
      return { result, lines: formatMessages(this.root, result.messages) };
    } finally {
      await undo();
    }
  }

  /** Copies the overlay's files in and returns how to put back what they replaced. */
  private async lay(overlay: string): Promise<() => Promise<void>> {
    const saved: Array<[string, Buffer | null]> = [];
    const made: string[] = [];
    for (const rel of filesUnder(overlay)) {
      const target = path.join(this.root, rel);
      saved.push([target, existsSync(target) ? readFileSync(target) : null]);
      const missing = topmostMissing(this.root, path.dirname(rel));
      if (missing) made.push(missing);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(overlay, rel), target);
    }
    return async () => {
      for (const [target, before] of saved) await (before === null ? rm(target, { force: true }) : writeFile(target, before));
      for (const dir of made) await rm(dir, { recursive: true, force: true });
    };
  }
}

/** Every file (with its bytes) and folder (`name/`, no bytes) under dir. */
function snapshot(dir: string): Map<string, Buffer> {
  const folders = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, Buffer] => [`${path.relative(dir, path.join(entry.parentPath, entry.name))}/`, Buffer.alloc(0)]);
  return new Map([...filesUnder(dir).map((rel): [string, Buffer] => [rel, readFileSync(path.join(dir, rel))]), ...folders]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The outermost folder of `rel` (under root) that does not exist yet, if any. */
function topmostMissing(root: string, rel: string): string | undefined {
  let at = root;
  for (const part of rel.split(path.sep).filter((p) => p && p !== '.')) {
    at = path.join(at, part);
    if (!existsSync(at)) return at;
  }
  return undefined;
}

/** One root per kind of unit (content folders and base), shared by every unit of that kind in a test file. */
export function overlayRoots(): { rootFor: (unit: RuleUnit) => Promise<OverlayRoot>; made: () => Promise<OverlayRoot[]> } {
  const roots = new Map<string, Promise<OverlayRoot>>();
  const rootFor = (unit: RuleUnit) => {
    const key = JSON.stringify([unit.fixture.content ?? null, unit.fixture.base ?? null]);
    let root = roots.get(key);
    if (!root) roots.set(key, (root = OverlayRoot.create(unit.fixture)));
    return root;
  };
  return { rootFor, made: () => Promise.all(roots.values()) };
}

/** A fresh copy of the real content (or some of its folders) with the given folders laid over it in order, checked once. */
export async function checkOverlays(
  folders: string[],
  options: { buildDate: string; only?: string[]; rule?: string; review?: { leadDays: number } },
): Promise<{ result: CheckResult; lines: string[] }> {
  const root = await contentRoot({}, { only: options.only });
  for (const folder of folders) await cp(folder, root, { recursive: true });
  const result = await check({
    root,
    buildDate: options.buildDate,
    rules: offExcept(options.rule),
    review: options.review,
    sites: internalSites(options.buildDate),
  });
  return { result, lines: formatMessages(root, result.messages) };
}
