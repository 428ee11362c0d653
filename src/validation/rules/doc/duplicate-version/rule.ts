import { editionFileVersion } from '../../../../lib/content-paths.ts';
import type { EditionEntry } from '../../../../model/corpus.ts';
import { defineRule } from '../../../rule.ts';

/**
 * Two editions of a document claim one version. The finding goes to the file whose name does not
 * match the version (`0.9.mdx` saying `version: "1.0"` beside `1.0.mdx`), not to the original; when
 * neither or both match, to every file after the first.
 */
export default defineRule({ id: 'doc/duplicate-version', severity: 'error', description: 'номер редакции уникален в документе' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const byVersion = new Map<string, EditionEntry[]>();
    for (const edition of doc.editions) byVersion.set(edition.data.version, [...(byVersion.get(edition.data.version) ?? []), edition]);
    for (const [version, editions] of byVersion) {
      if (editions.length < 2) continue;
      const original = editions.find((e) => nameOf(e) === version) ?? editions[0]!;
      for (const edition of editions) {
        if (edition === original) continue;
        report(
          { value: edition, field: ['version'] },
          `редакция ${version} документа ${doc.code} уже есть в файле ${nameOf(original)}.mdx, а этот файл (${nameOf(edition)}.mdx) указывает тот же номер: дайте этой редакции следующий номер и назовите файл по нему`,
        );
      }
    }
  }
});

const nameOf = (edition: EditionEntry) => editionFileVersion(edition.file.path);
