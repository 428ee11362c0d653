import { changeSummary, suspectReferences, type CitationPlace } from '../../../../model/suspects.ts';
import { defineRule, type Target } from '../../../rule.ts';

const target = (place: CitationPlace): Target =>
  'offset' in place ? { file: place.entry.file, offset: place.offset } : { value: place.entry, field: place.field };

/**
 * A document in force cites one that has a newer edition in force than the one it was reviewed against.
 * One warning per citing file, at its first citation; the fix is one line of `reviewedAgainst`.
 */
export default defineRule(
  { id: 'ref/suspect', severity: 'warning', description: 'цитируемый документ не менялся после редакции, с которой сверен цитирующий (reviewedAgainst)' },
  ({ corpus, buildDate, report }) => {
    for (const pair of suspectReferences(corpus.documents, buildDate)) {
      const seen = new Set<unknown>();
      const { version } = pair.citingEdition.data;
      const basis = pair.declared ? `сверена (reviewedAgainst) с редакцией ${pair.against}` : `утверждена, когда действовала редакция ${pair.against}`;
      const reason = `${pair.citing}, редакция ${version}, ${basis} документа ${pair.cited}, а с ${pair.current.data.effective} действует его редакция ${pair.current.data.version} (изменения — ${changeSummary(pair)}); проверьте текст и запишите в свойства редакции: reviewedAgainst: { ${pair.cited}: "${pair.current.data.version}" }`;
      for (const place of pair.places) {
        if (seen.has(place.entry.file)) continue;
        seen.add(place.entry.file);
        report(target(place), reason);
      }
    }
  },
);
