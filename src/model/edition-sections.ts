import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A part of an edition's body: a heading and the text up to the next heading. */
export interface Section {
  /** Absent for text before the first heading. */
  heading?: { depth: number; text: string };
  /** The blocks as plain text, one block per paragraph (blank line between). */
  text: string;
}

/** Content components have no text of their own in the body; the diff names them in Russian. */
const COMPONENT_LABELS: Record<string, string> = {
  RolesTable: 'таблица ролей',
  NormativeReferences: 'перечень нормативных ссылок',
  QualityStandards: 'стандарты качества',
  AuditTemplates: 'шаблоны документов аудита',
  QmsMap: 'схема СМК',
  AuditLinks: 'ссылки на записи аудитов',
};

/** Splits an MDX body at every heading; frontmatter and code that MDX would run are left out. */
export function splitSections(tree: Root | null): Section[] {
  const sections: Section[] = [];
  let current: { heading?: Section['heading']; blocks: string[] } = { blocks: [] };
  const close = () => {
    if (current.heading || current.blocks.length) sections.push({ heading: current.heading, text: current.blocks.join('\n\n') });
  };
  for (const node of tree?.children ?? []) {
    if (node.type === 'heading') {
      close();
      current = { heading: { depth: node.depth, text: toString(node) }, blocks: [] };
      continue;
    }
    const text = blockText(node);
    if (text) current.blocks.push(text);
  }
  close();
  return sections;
}

function blockText(node: RootContent): string {
  switch (node.type) {
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'html':
      return '';
    case 'list':
      return node.children
        .map((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
          return `${marker} ${item.children.map(blockText).filter(Boolean).join('\n')}`;
        })
        .join('\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => toString(cell)).join(' | ')).join('\n');
    case 'code':
      return node.value;
    case 'thematicBreak':
      return '—';
    case 'mdxJsxFlowElement': {
      const inner = node.children.map(blockText).filter(Boolean).join('\n\n');
      if (inner) return inner;
      const name = node.name ?? '';
      return `[${COMPONENT_LABELS[name] ?? `вставка ${name}`}]`;
    }
    case 'blockquote':
      return node.children.map(blockText).filter(Boolean).join('\n');
    default:
      return toString(node);
  }
}
