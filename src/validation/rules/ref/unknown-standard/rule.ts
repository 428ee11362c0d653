import { designationKey, resolveStandard } from '../../../../model/lookup.ts';
import { INVISIBLE_RE } from '../../../../lib/invisible.ts';
import { damerau, didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';
import { standardCitations } from '../../../../analysis/resolve.ts';

const CODE = /^[А-ЯЁ]{1,4}-\d+$/;

/** A cited standard is in the catalog: in prose, in frontmatter references, as a replacing edition. */
export default defineRule({ id: 'ref/unknown-standard', severity: 'error', description: 'стандарт есть в каталоге' }, (context) => {
  const { corpus, lookup, report } = context;
  // A catalog file that could not be read is one error at that file: citations wait until it is fixed.
  if (lookup.unreadableCatalogs.has('standards')) return;
  const designations = [...lookup.standards.values()].map((s) => s.data.designation);
  const known = designations.join(', ');
  for (const { entry, ref, id } of standardCitations(context)) {
    if (ref.kind === 'standard' && !id)
      report(
        { file: entry.file, offset: ref.offset },
        `стандарт «${ref.designation}» не найден в каталоге content/standards/${nearYear(ref.designation, designations) ?? didYouMean(ref.designation, designations, (near) => `имелся в виду ${near}`)}; в каталоге: ${known}`,
      );
  }
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      edition.data.references.forEach((reference, index) => {
        if (INVISIBLE_RE.test(reference.cite)) return; // ref/invisible-character names the character to delete.
        if (CODE.test(reference.cite) || resolveStandard(lookup, reference.cite)) return;
        report(
          { value: edition, field: ['references', index, 'cite'] },
          `стандарт «${reference.cite}» из нормативных ссылок не найден в каталоге content/standards/${nearYear(designationKey(reference.cite), designations) ?? didYouMean(reference.cite, designations)}`,
        );
      });
    }
  }
  for (const standard of corpus.standards) {
    const next = standard.data.supersededBy;
    if (next !== null && !lookup.standards.has(next)) {
      report(
        { value: standard, field: ['supersededBy'] },
        `заменяющее издание «${next}» не найдено в каталоге стандартов${didYouMean(next, lookup.standards.keys())}`,
      );
    }
  }
});

/**
 * «ISO 9001:2105»: the year is a near miss of a catalogued edition of the same standard (two digits
 * swapped, one mistyped). Proposes that edition; undefined when the number itself is unknown.
 */
function nearYear(designation: string, designations: string[]): string | undefined {
  const [, base, year] = /^(.*?)[:-](\d{4})$/.exec(designation) ?? [];
  if (!base || !year) return undefined;
  let best: string | undefined;
  let bestDistance = 2;
  for (const other of designations) {
    const [, otherBase, otherYear] = /^(.*?)[:-](\d{4})$/.exec(other) ?? [];
    if (otherBase !== base || !otherYear) continue;
    const d = damerau(year, otherYear);
    if (d < bestDistance) [best, bestDistance] = [other, d];
  }
  return best && `: года ${year} в каталоге нет — возможно, имелся в виду ${best}`;
}
