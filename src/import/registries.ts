import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Registries {
  units: Array<{ id: string; name: string; parent: string | null }>;
  accessLevels: Array<{ id: string; name: string; restriction: string }>;
  roles: Array<{ id: string; name: string; definition: string; definedIn?: string }>;
  terms: Array<{ id: string; term: string; definition: string; definedIn?: string }>;
  types: Array<{ prefix: string; name: string }>;
}

/** The registries of a content root, as the importer matches against them (read, never written). */
export async function loadRegistries(root: string): Promise<Registries> {
  const read = async <T>(name: string): Promise<T[]> => {
    try {
      return (JSON.parse(await readFile(path.join(root, 'registries', `${name}.json`), 'utf8')) as { items: T[] }).items ?? [];
    } catch {
      return [];
    }
  };
  return {
    units: await read('units'),
    accessLevels: await read('access-levels'),
    roles: await read('roles'),
    terms: await read('terms'),
    types: await read('document-types'),
  };
}

const words = (s: string) =>
  s
    .toLowerCase()
    .match(/[а-яёa-z0-9]{3,}/g)
    ?.map((w) => w.slice(0, 5)) ?? [];

/** Share of the registry name's words (by stem) found in the text: 0…1. */
export function overlap(text: string, name: string): number {
  const have = new Set(words(text));
  const want = words(name);
  return want.length === 0 ? 0 : want.filter((w) => have.has(w)).length / want.length;
}

export interface UnitMatch {
  id: string;
  /** What is left of the text once the unit path is removed: the position, if any. */
  rest: string;
  exact: boolean;
  score: number;
}

/**
 * «Корпоративный центр Группы МТС Блок Маркетинга Департамент … Директор департамента»: the deepest
 * unit whose name the text holds, the rest as the position. Without an exact name: the closest unit.
 */
export function matchUnit(text: string, units: Registries['units']): UnitMatch | undefined {
  const lower = text.toLowerCase();
  const found = units.filter((u) => lower.includes(u.name.toLowerCase()));
  const depth = (id: string | null): number => (id ? 1 + depth(units.find((u) => u.id === id)?.parent ?? null) : 0);
  if (found.length > 0) {
    const deepest = found.sort((a, b) => depth(b.id) - depth(a.id) || b.name.length - a.name.length)[0]!;
    const last = lower.lastIndexOf(deepest.name.toLowerCase()) + deepest.name.length;
    return { id: deepest.id, rest: text.slice(last).trim(), exact: true, score: 1 };
  }
  const ranked = units.map((u) => ({ u, score: overlap(text, u.name) })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  return best && best.score > 0 ? { id: best.u.id, rest: '', exact: false, score: best.score } : undefined;
}

/** «нет» or «Для неограниченного доступа» → `public`; anything else → the closest level, flagged. */
export function matchAccess(text: string, levels: Registries['accessLevels']): { id: string; exact: boolean } | undefined {
  const t = text.trim().toLowerCase();
  const exact = levels.find((l) => l.name.toLowerCase() === t || l.restriction.toLowerCase() === t || l.id === t);
  if (exact) return { id: exact.id, exact: true };
  const best = levels.map((l) => ({ l, score: Math.max(overlap(text, l.name), overlap(text, l.restriction)) })).sort((a, b) => b.score - a.score)[0];
  return best && best.score > 0 ? { id: best.l.id, exact: false } : undefined;
}
