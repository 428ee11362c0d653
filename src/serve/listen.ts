import { createServer, type Server } from 'node:net';

/** A port as `PORT` gives it: a whole number from 1 to 65535, or the reason in Russian. */
export function parsePort(value: string | undefined, fallback: number): number | string {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : `PORT=${value}: ожидается номер порта от 1 до 65535`;
}

/** Why a server could not listen on host:port, in the words of the one who runs it. */
export function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (error.code === 'EADDRINUSE') return new Error(`адрес ${where} уже занят другой программой: остановите её или задайте другой порт (PORT=…)`);
  if (error.code === 'EACCES') return new Error(`нет прав слушать ${where} (порты до 1024 — только от root): задайте порт больше 1024 (PORT=…)`);
  if (error.code === 'EADDRNOTAVAIL') return new Error(`адреса ${host} нет у этой машины`);
  return new Error(`не удалось слушать ${where}: ${error.message}`);
}

/** Listens, or rejects with `listenProblem`'s reason instead of an unhandled 'error' event. */
export function listenOn<S extends Pick<Server, 'listen' | 'once' | 'off'>>(server: S, port: number, host: string): Promise<S> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenProblem(error, host, port));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server);
    });
  });
}

/**
 * Rejects with `listenProblem`'s reason when host:port is taken. nginx, started on a taken port, exits
 * with a log line, but only after another server there may already have answered its readiness probe.
 */
export async function ensurePortFree(host: string, port: number): Promise<void> {
  const probe = await listenOn(createServer(), port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
