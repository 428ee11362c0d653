/**
 * `npm start` serves the built `dist/` on localhost (after `npm run build`).
 * A tiny static server so that the README's one command needs nothing else installed.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

export function startServer(dir = root, listenPort = port) {
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${encodeURI(pathname)}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const target = found ? file : path.join(dir, '404.html');
    // A site without a 404 page (a test fixture) answers a plain 404 instead of crashing the server.
    if (!found && !existsSync(target)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Не найдено');
      return;
    }
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  return new Promise<typeof server>((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(root)) {
    process.stderr.write(`Нет собранного сайта в ${root}: сначала npm run build\n`);
    process.exit(1);
  }
  const server = await startServer();
  const address = server.address();
  process.stdout.write(`Портал: http://localhost:${typeof address === 'object' && address ? address.port : port}/\n`);
}
