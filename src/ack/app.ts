import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { acknowledgeRoutes } from './acknowledge-routes.ts';
import type { Catalog } from './editions.ts';
import { reportRoutes } from './report-routes.ts';
import { ackContext, MAX_BODY, type AckSettings } from './request-context.ts';
import type { Store } from './store.ts';

export { MAX_BODY, type AckSettings } from './request-context.ts';

/**
 * The acknowledgement service: Fastify on 127.0.0.1 behind the portal's nginx (`/api/` → here). Identity
 * comes only from the sign-on proxy's headers, and only from its addresses; records are appended, never
 * changed (the database refuses UPDATE and DELETE too).
 */
export function buildApp(store: Store, catalog: Catalog, settings: AckSettings) {
  const app = Fastify({ bodyLimit: settings.bodyLimit ?? MAX_BODY, logger: false });
  app.register(formbody, { bodyLimit: settings.bodyLimit ?? MAX_BODY });
  // JSON or a form, nothing else: plain text would reach the handler as a string.
  app.removeContentTypeParser('text/plain');
  const ctx = ackContext(store, catalog, settings);
  acknowledgeRoutes(app, ctx);
  reportRoutes(app, ctx);
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `нет такого адреса: ${request.method} ${request.url.split('?')[0]}` }));
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `слишком большой запрос: не больше ${settings.bodyLimit ?? MAX_BODY} байт`
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `тип тела «${request.headers['content-type']}» не принимается: application/json или application/x-www-form-urlencoded`
          : status === 400
            ? `тело запроса не разобрано: ${error.message}`
            : 'внутренняя ошибка службы ознакомления';
    if (status >= 500) request.log.error(error);
    return reply.code(status).send({ error: message });
  });
  return app;
}
