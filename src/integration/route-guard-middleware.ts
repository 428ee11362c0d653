import type { MiddlewareHandler } from 'astro';
import { ROUTE_KEYED_PAGES } from '../site/route-data.ts';
import { renderingFromRouteData } from '../site/route-guard.ts';

/**
 * A page keyed by its route data renders with the whole view out of reach (src/site/route-guard.ts): in a
 * build, a component that reads more than the page's props stops it. `astro dev` keys nothing and is spared.
 */
export const onRequest: MiddlewareHandler = (context, next) =>
  ROUTE_KEYED_PAGES.has(context.routePattern) && !import.meta.env.DEV ? renderingFromRouteData(context.url.pathname, next) : next();
