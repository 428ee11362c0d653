import { editionFileVersion } from '../../../../lib/content-paths.ts';
import type { EditionEntry } from '../../../../model/corpus.ts';
import { defineRule } from '../../../rule.ts';

const nameOf = (edition: EditionEntry) => editionFileVersion(edition.file.path);

/**
 * An edition's file is named by its version (`editions/1.0.mdx` says `version: "1.0"`): the layout the
 * loader, `npm run new`, the importer and the file history rely on, and what an author looks for. A file
 * named otherwise (`v1.0.mdx`, `1.0-final.mdx`) was published under its version without a word. When
 * another edition already has the version the file names, doc/duplicate-version speaks for it.
 */
export default defineRule({ id: 'doc/version-file', severity: 'error', description: 'файл редакции назван по её номеру' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const names = new Set(doc.editions.map(nameOf));
    for (const edition of doc.editions) {
      const name = nameOf(edition);
      const { version } = edition.data;
      if (name === version || doc.editions.some((other) => other !== edition && other.data.version === version)) continue;
      const fix = names.has(version)
        ? `файл «${version}.mdx» уже есть и в нём другая редакция: приведите номера в свойствах и имена файлов в соответствие`
        : `переименуйте файл в «${version}.mdx»`;
      report(
        { value: edition, field: ['version'] },
        `файл редакции называется «${name}.mdx», а в нём редакция ${version}: ${fix} — файл редакции называется её номером`,
      );
    }
  }
});
