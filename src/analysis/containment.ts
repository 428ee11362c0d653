import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CONTENT_COMPONENTS, CONTENT_MODULE, HTML_ELEMENTS, isContentComponent } from './allowlist.ts';
import { closest } from '../lib/did-you-mean.ts';
import type { CodeNode, Containment } from '../model/parsed.ts';

interface EsNode {
  type: string;
  start?: number;
  end?: number;
  [key: string]: unknown;
}
interface EsProgram extends EsNode {
  body: EsNode[];
}

/** Globals through which an expression reaches Node (or the network) on the build server. */
const NODE_GLOBALS = new Set([
  'process',
  'require',
  'globalThis',
  'global',
  'module',
  'exports',
  'Buffer',
  'eval',
  'Function',
  'fetch',
  'Deno',
  'Bun',
  '__dirname',
  '__filename',
]);
/** Attributes that run script, restyle the portal, or inject raw HTML through Astro directives. */
const RAW_HTML_ATTRIBUTES = new Set(['dangerouslysetinnerhtml', 'srcdoc', 'formaction']);
const SCRIPT_URL = /^(javascript|vbscript|data):/i;
const COMPONENT_LIST = CONTENT_COMPONENTS.join(', ');

const reparser = unified().use(remarkParse).use(remarkMdx);

/**
 * Everything in an MDX file's code nodes that content may not contain. Pure: the checker rule
 * reports these, and the build's MDX guard refuses to compile a file that has any.
 */
export function containment(code: readonly CodeNode[]): Containment[] {
  const found: Containment[] = [];
  for (const node of code) {
    if (node.kind === 'esm') found.push(...esm(node));
    else if (node.kind === 'expression') found.push(...expression(node));
    else found.push(...element(node));
  }
  return found;
}

function esm(node: CodeNode): Containment[] {
  const program = programOf(node);
  if (!program) return [{ offset: node.offset, reason: importReason(node.value.trim()) }];
  const found: Containment[] = [];
  for (const statement of program.body) {
    const text = sliceOf(node, statement).trim();
    const offset = offsetOf(node, statement);
    if (/^Export/.test(statement.type)) {
      found.push({
        offset,
        reason: `«${text.slice(0, 60)}»: экспорт из MDX выполняется при сборке и запрещён; данные документа задаются в свойствах (frontmatter)`,
      });
    } else if (!allowedImport(statement)) {
      found.push({ offset, reason: importReason(text) });
    }
  }
  return found;
}

function importReason(text: string): string {
  return `«${text.slice(0, 60)}»: импорт запрещён — содержимое может использовать только компоненты ${COMPONENT_LIST} (из «${CONTENT_MODULE}», они доступны и без импорта)`;
}

/** `import { Role, Term } from '@nd/content'`: named, not renamed, from the allowlist only. */
function allowedImport(statement: EsNode): boolean {
  if (statement.type !== 'ImportDeclaration') return false;
  const source = statement.source as EsNode & { value?: unknown };
  const specifiers = (statement.specifiers ?? []) as Array<EsNode & { imported?: EsNode & { name?: string }; local?: EsNode & { name?: string } }>;
  return (
    source.value === CONTENT_MODULE &&
    specifiers.length > 0 &&
    specifiers.every((s) => s.type === 'ImportSpecifier' && s.imported?.name === s.local?.name && isContentComponent(s.imported?.name))
  );
}

function expression(node: CodeNode): Containment[] {
  const program = programOf(node);
  // `{/* комментарий */}` is how MDX writes comments: nothing runs.
  if (program && program.body.length === 0) return [];
  const shown = `{${node.value.trim().slice(0, 40)}}`;
  const reach = program ? nodeReach(program) : /\b(process|require|globalThis)\b|\bimport\s*\(/.exec(node.value)?.[0];
  return [
    {
      offset: node.offset,
      reason: reach
        ? `выражение «${shown}» обращается к «${reach}» и выполнилось бы на сервере сборки: удалите его`
        : `выражение «${shown}» выполняется при сборке и в содержимом запрещено; чтобы написать фигурную скобку как текст, экранируйте её: \\{`,
    },
  ];
}

/** The first way an expression reaches outside the page: a Node global, `import()` or `import.meta`. */
function nodeReach(program: EsNode): string | undefined {
  let found: string | undefined;
  walk(program, (node) => {
    if (found) return;
    if (node.type === 'ImportExpression') found = 'import()';
    else if (node.type === 'MetaProperty') found = 'import.meta';
    else if (node.type === 'Identifier' && NODE_GLOBALS.has(String(node.name))) found = String(node.name);
  });
  return found;
}

function element(node: CodeNode): Containment[] {
  const found: Containment[] = [];
  const name = node.name ?? '';
  if (name) {
    const isComponent = /^[A-Z]/.test(name);
    if (isComponent ? !isContentComponent(name) : !HTML_ELEMENTS.has(name)) {
      found.push({
        offset: node.offset,
        reason: isComponent
          ? `компонент <${name}> не входит в список компонентов содержимого${nearComponent(name)}; допустимы: ${COMPONENT_LIST}`
          : `элемент <${name}> запрещён в содержимом (допустимы простые элементы разметки: ${[...HTML_ELEMENTS].slice(0, 8).join(', ')}…)`,
      });
    }
  }
  for (const attribute of node.attributes ?? []) {
    const reason = attributeReason(name, attribute.name, attribute.value);
    if (reason) found.push({ offset: attribute.offset, reason });
  }
  return found;
}

/** `: возможно, <Role>` for a mistyped content component (`<Rolle>`, `<role>`), or nothing. */
function nearComponent(name: string): string {
  const near = closest(name, CONTENT_COMPONENTS);
  return near ? `: возможно, <${near}>` : '';
}

function attributeReason(element: string, name: string, value: string | null): string | undefined {
  const lower = name.toLowerCase();
  if (/^on/.test(lower)) return `атрибут «${name}» у <${element}> — обработчик событий, он выполнил бы скрипт у читателя: удалите его`;
  if (lower === 'style') return `атрибут «style» у <${element}> запрещён: оформление задают стили портала, а не текст документа`;
  if (name.includes(':'))
    return `директива «${name}» у <${element}> запрещена: она меняет то, как страница собирается (например, вставляет HTML без экранирования)`;
  if (RAW_HTML_ATTRIBUTES.has(lower)) return `атрибут «${name}» у <${element}> вставляет HTML или скрипт и запрещён`;
  // Browsers ignore control characters and spaces inside a URL scheme: «java\tscript:» runs too.
  const url = (value ?? '').replace(/[\u0000-\u0020]/g, '');
  if (SCRIPT_URL.test(url))
    return `адрес «${url.slice(0, 30)}» в атрибуте «${name}» у <${element}> выполнил бы код в браузере: используйте https:, mailto: или адрес страницы портала`;
  return undefined;
}

/**
 * The node's ESTree Program, from a parse of its text alone with the checker's MDX parser (acorn):
 * code nodes stay plain serialisable data, and trees from any parser are judged the same way.
 * Offsets count from the start of the node's text. Null when the text does not parse.
 */
function programOf(node: CodeNode): EsProgram | null {
  try {
    const source = node.kind === 'esm' ? node.value : `{${node.value}}`;
    const root = reparser.parse(source) as { children: Array<{ data?: { estree?: unknown } }> };
    const estree = root.children[0]?.data?.estree;
    return isProgram(estree) ? estree : null;
  } catch {
    return null;
  }
}

const isProgram = (value: unknown): value is EsProgram => Boolean(value) && (value as EsNode).type === 'Program' && Array.isArray((value as EsProgram).body);

const sliceOf = (node: CodeNode, statement: EsNode) => node.value.slice(statement.start ?? 0, statement.end ?? node.value.length);
const offsetOf = (node: CodeNode, statement: EsNode) => node.offset + (statement.start ?? 0);

function walk(node: unknown, visit: (node: EsNode) => void) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  const es = node as EsNode;
  if (typeof es.type === 'string') visit(es);
  for (const [key, value] of Object.entries(es)) {
    if (key !== 'loc' && key !== 'range' && key !== 'comments' && value && typeof value === 'object') walk(value, visit);
  }
}
