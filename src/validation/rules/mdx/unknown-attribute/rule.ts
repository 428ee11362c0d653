import { COMPONENT_ATTRIBUTES, isContentComponent } from '../../../../analysis/allowlist.ts';
import { entries } from '../../../../analysis/entries.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';

/**
 * A content component is rendered from the attributes it knows; any other (`<Note kind="warning">`,
 * `<Role ids="auditor">`) would be dropped without a word, and what the author meant with it lost.
 */
export default defineRule(
  {
    id: 'mdx/unknown-attribute',
    severity: 'error',
    description: 'у компонента содержимого только его атрибуты: Role и Term — id, Note — title, Principles — group и document…',
  },
  (context) => {
    for (const { entry, extracted } of entries(context))
      for (const node of extracted.code) {
        if (node.kind !== 'jsx' || !isContentComponent(node.name)) continue;
        const known = COMPONENT_ATTRIBUTES[node.name];
        for (const attribute of node.attributes ?? []) {
          if (known.includes(attribute.name)) continue;
          const own = known.length ? `его атрибуты — ${known.map((a) => `«${a}»`).join(', ')}` : 'атрибутов у него нет';
          context.report(
            { file: entry.file, offset: attribute.offset },
            `у <${node.name}> нет атрибута «${attribute.name}»${didYouMean(attribute.name, known)}; ${own}, значение другого на страницу не попадёт`,
          );
        }
      }
  },
);
