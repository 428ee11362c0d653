import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * While a page keyed by its route data renders, the whole published view is out of its reach: the page
 * may show only what its props hold (src/site/route-data.ts), or an incremental build that copies it
 * while its key is unchanged would serve it stale. `getView()` asks here first; the build stops on a page
 * that reaches further.
 */
const rendering = new AsyncLocalStorage<string>();

/** Runs the rendering of the page at `path` (its middleware's `next`) with the view out of reach. */
export function renderingFromRouteData<T>(path: string, render: () => T): T {
  return rendering.run(path, render);
}

/** Throws when called while a page keyed by its route data renders. */
export function assertViewInReach(): void {
  const path = rendering.getStore();
  if (path === undefined) return;
  throw new Error(
    `${path}: страница или её компонент читает опубликованное представление (getView) сверх данных своего маршрута — ` +
      'передайте нужное через props (src/site/route-data.ts): иначе инкрементальная сборка скопирует страницу устаревшей',
  );
}
