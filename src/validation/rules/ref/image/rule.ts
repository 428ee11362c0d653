import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/** What Astro copies into every site as is: the project's public/ folder. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../../../../public/', import.meta.url));

/**
 * An image the page cannot show is a hole in the published text, and nothing else would notice it: the
 * portal loads images only from itself (Content-Security-Policy `img-src 'self' data:`), a relative
 * address resolves against the page's own address, not the MDX file's folder, and the site holds only
 * its pages and what public/ has.
 */
export default defineRule(
  { id: 'ref/image', severity: 'error', description: 'изображение показывается: файл из public/ по адресу от корня сайта или data:' },
  (context) => {
    for (const { entry, extracted } of entries(context))
      for (const ref of extracted.refs) {
        if (ref.kind !== 'image') continue;
        const problem = imageProblem(ref.url, PUBLIC_DIR);
        if (problem) context.report({ file: entry.file, offset: ref.offset }, problem);
      }
  },
);

const HOW = 'сохраните файл в public/ и вставьте его адресом от корня сайта, например ![подпись](/images/схема.png)';

/** Why the image at `url` would not show on the portal, or undefined when it would. */
export function imageProblem(url: string, publicDir: string): string | undefined {
  if (/^data:image\//i.test(url)) return undefined;
  if (url.trim() === '') return `у изображения нет адреса: ${HOW}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//'))
    return `изображение «${url}» с чужого адреса читатель не увидит: портал загружает картинки только со своего адреса (img-src 'self'); ${HOW}`;
  const pathPart = url.split(/[?#]/, 1)[0]!;
  if (!pathPart.startsWith('/')) return `адрес изображения «${url}» считается от адреса страницы, а не от папки файла: ${HOW}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return `адрес изображения «${url}» испорчен (неверная последовательность %): ${HOW}`;
  }
  if (decoded.split('/').includes('..')) return `адрес изображения «${url}» выходит за пределы сайта («..»): ${HOW}`;
  const file = path.join(publicDir, decoded);
  if (!existsSync(file) || !statSync(file).isFile()) return `изображения «${url}» нет: сайт берёт файлы из public/, а файла public${decoded} нет`;
  return undefined;
}
