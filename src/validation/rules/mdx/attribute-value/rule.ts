import { COMPONENT_ATTRIBUTE_VALUES, isContentComponent } from '../../../../analysis/allowlist.ts';
import { entries } from '../../../../analysis/entries.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';

/** `<AuditLinks kind="reports" />` listed nothing: an attribute with a few meaningful values takes one of them. */
export default defineRule(
  { id: 'mdx/attribute-value', severity: 'error', description: 'атрибут с перечнем значений (AuditLinks kind) принимает одно из них' },
  (context) => {
    for (const { entry, extracted } of entries(context))
      for (const node of extracted.code) {
        const allowed = node.kind === 'jsx' && isContentComponent(node.name) ? COMPONENT_ATTRIBUTE_VALUES[node.name] : undefined;
        if (!allowed) continue;
        for (const attribute of node.attributes ?? []) {
          const values = allowed[attribute.name];
          const value = attribute.value ?? '';
          if (!values || values.includes(value)) continue;
          const found = value.trim()
            ? `такого значения нет${didYouMean(value, values)}; значения: ${values.join(', ')} — иначе компонент ничего не покажет`
            : `значение пусто: уберите атрибут, чтобы компонент показал всё, или укажите одно из: ${values.join(', ')}`;
          context.report({ file: entry.file, offset: attribute.offset }, `<${node.name} ${attribute.name}="${value}">: ${found}`);
        }
      }
  },
);
