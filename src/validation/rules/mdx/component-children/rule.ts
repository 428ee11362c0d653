import { COMPONENTS_WITH_TEXT, isContentComponent } from '../../../../analysis/allowlist.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * `<RolesTable>Роли определены ниже</RolesTable>`: a component built from data shows the data, and the
 * text between its tags would not reach the page. Only Role, Term and Note show their text.
 */
export default defineRule(
  {
    id: 'mdx/component-children',
    severity: 'error',
    description: 'между тегами компонента, который строится из данных (RolesTable, Principles, QmsMap…), нет текста: его не видно на странице',
  },
  (context) => {
    for (const { entry, extracted } of entries(context))
      for (const node of extracted.code) {
        if (node.kind !== 'jsx' || node.childrenAt === undefined || !isContentComponent(node.name) || COMPONENTS_WITH_TEXT.has(node.name)) continue;
        context.report(
          { file: entry.file, offset: node.childrenAt },
          `<${node.name}> строится из данных, и текст между его тегами на страницу не попадёт: вынесите текст в абзац до или после компонента и закройте его сразу — <${node.name} />`,
        );
      }
  },
);
