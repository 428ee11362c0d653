import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { digestFiles, moduleGraph } from '../lib/module-graph.ts';

/**
 * Rendered bodies kept between builds, keyed by the text, the data the renderer saw (context key) and
 * the renderer's own code: an unchanged edition is not parsed or rendered again. Entries not used by
 * a build are dropped when it ends, so the file holds one site's worth.
 */
export class RenderCache<T = unknown> {
  #file: string | undefined;
  #stored = new Map<string, T>();
  #used = new Map<string, T>();
  #prefix = '';
  /** Bodies rendered by this build (the rest came from the cache). */
  rendered = 0;
  /** The entries differ from the file's (or there is no file yet). */
  #dirty = false;

  constructor(file?: string) {
    this.#file = file;
    if (!file) return;
    try {
      this.#stored = new Map(deserialize(readFileSync(file)) as Array<[string, T]>);
    } catch {
      // No cache yet, or one written by another Node version: render everything.
      this.#dirty = true;
    }
  }

  begin(contextKey: string) {
    this.#prefix = `${RENDERER_VERSION}\0${contextKey}\0`;
    this.#used = new Map();
    this.rendered = 0;
  }

  get<V extends T>(text: string, make: () => V): V {
    const key = createHash('sha1').update(this.#prefix).update(text).digest('base64');
    let value = (this.#used.get(key) ?? this.#stored.get(key)) as V | undefined;
    if (value === undefined) {
      value = make();
      this.rendered++;
    }
    this.#used.set(key, value);
    return value;
  }

  end() {
    // Unchanged when nothing was rendered and every stored entry was used again: nothing to write.
    this.#dirty ||= this.rendered > 0 || this.#used.size !== this.#stored.size;
    this.#stored = this.#used;
  }

  async save() {
    if (!this.#file || !this.#dirty) return;
    try {
      await mkdir(path.dirname(this.#file), { recursive: true });
      const temp = `${this.#file}.${process.pid}`;
      await writeFile(temp, serialize([...this.#stored]));
      await rename(temp, this.#file);
      this.#dirty = false;
    } catch {
      // The cache only saves time.
    }
  }
}

/**
 * The renderer's code — every module the renderer and the publication step import, found by walking
 * their imports (not a hand-kept list) — and the lockfile: a change to any of it re-renders everything.
 */
const RENDERER_VERSION = (() => {
  if (!import.meta.dirname) return `unknown-${Date.now()}`;
  const root = path.resolve(import.meta.dirname, '../..');
  const entries = [path.join(import.meta.dirname, 'render-body.ts'), path.join(root, 'src/publish/publish.ts')];
  return digestFiles(root, [...moduleGraph(entries), path.join(root, 'package-lock.json')]) ?? `unknown-${Date.now()}`;
})();
