import { codeSlug } from '../../lib/codes.ts';
import { defineRule } from '../rule.ts';

/** A document's folder is the transliteration of its code: the code's stable address. */
export const codeFolder = defineRule('doc/code-folder', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      const expected = codeSlug(edition.data.code);
      if (expected !== doc.folder) {
        report({ value: edition, field: ['code'] }, `код ${edition.data.code} не соответствует папке «${doc.folder}»: переименуйте папку в «documents/${expected}/» или исправьте код`);
      }
    }
  }
});

export const codeConsistent = defineRule('doc/code-consistent', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      if (edition.data.code !== doc.code) {
        report({ value: edition, field: ['code'] }, `в редакции ${edition.data.version} код ${edition.data.code}, а в последней редакции — ${doc.code}: у всех редакций документа один код`);
      }
    }
  }
});

export const duplicateCode = defineRule('doc/duplicate-code', ({ corpus, report }) => {
  const seen = new Map<string, string>();
  for (const doc of corpus.documents) {
    const other = seen.get(doc.code);
    const edition = doc.editions.at(-1);
    if (other && edition) report({ value: edition, field: ['code'] }, `код ${doc.code} уже занят документом в папке «documents/${other}/»: у каждого документа свой код`);
    else seen.set(doc.code, doc.folder);
  }
});

export const duplicateVersion = defineRule('doc/duplicate-version', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const seen = new Set<string>();
    for (const edition of doc.editions) {
      if (seen.has(edition.data.version)) report({ value: edition, field: ['version'] }, `редакция ${edition.data.version} документа ${doc.code} уже есть: дайте этой редакции следующий номер`);
      seen.add(edition.data.version);
    }
  }
});

export const unknownType = defineRule('doc/unknown-type', ({ corpus, lookup, report }) => {
  const known = [...lookup.types.keys()].join(', ');
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      const prefix = edition.data.code.split('-')[0] ?? '';
      if (!lookup.types.has(prefix)) report({ value: edition, field: ['code'] }, `вид документа «${prefix}» не найден в реестре registries/document-types.json; известные: ${known}`);
    }
  }
});

export const noEdition = defineRule('doc/no-edition', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const appendix = doc.appendices[0];
    if (doc.editions.length === 0 && appendix) report({ value: appendix }, `у документа в папке «documents/${doc.folder}/» нет ни одной редакции: добавьте editions/<номер>.mdx`);
  }
});

export const duplicateAppendix = defineRule('doc/duplicate-appendix', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const seen = new Set<number>();
    for (const appendix of doc.appendices) {
      if (seen.has(appendix.data.number)) report({ value: appendix, field: ['number'] }, `приложение ${appendix.data.number} у документа ${doc.code} уже есть`);
      seen.add(appendix.data.number);
    }
  }
});

export default [codeFolder, codeConsistent, duplicateCode, duplicateVersion, unknownType, noEdition, duplicateAppendix];
