import { CONTENT_COMPONENTS, CONTENT_MODULE, HTML_ELEMENTS } from '../../components/content/allowlist.ts';
import { entries } from '../entries.ts';
import { defineRule } from '../rule.ts';

const COMPONENTS = new Set<string>(CONTENT_COMPONENTS);
const NODE_REACH = /\b(process|require|globalThis|global|module|import\s*\(|import\.meta|eval|Function|Buffer|fetch)\b/;
const IMPORT_RE = /^\s*import\s+(?:\{([^}]*)\}\s+from\s+)?['"]([^'"]+)['"]\s*;?\s*$/;

/**
 * MDX is code that runs at build time. Content may only use the content components; this rule runs
 * before Astro evaluates any file, so a forbidden file is never executed.
 */
export const forbiddenCode = defineRule('mdx/forbidden-code', (context) => {
  for (const { entry, extracted } of entries(context)) {
    const at = (offset: number) => ({ file: entry.file, offset });
    for (const node of extracted.code) {
      if (node.kind === 'esm') {
        for (const statement of node.value.split('\n').filter((line) => line.trim())) {
          const m = IMPORT_RE.exec(statement);
          const names = m?.[1]?.split(',').map((n) => n.trim()).filter(Boolean) ?? [];
          const ok = m && m[2] === CONTENT_MODULE && names.length > 0 && names.every((n) => COMPONENTS.has(n));
          if (!ok) {
            context.report(at(node.offset), /^\s*export\b/.test(statement)
              ? `«${statement.trim().slice(0, 60)}»: экспорт из MDX выполняется при сборке и запрещён; данные документа задаются в свойствах (frontmatter)`
              : `«${statement.trim().slice(0, 60)}»: импорт запрещён — содержимое может использовать только компоненты ${CONTENT_COMPONENTS.join(', ')} (из «${CONTENT_MODULE}», они доступны и без импорта)`);
          }
        }
      } else if (node.kind === 'expression') {
        const reach = NODE_REACH.exec(node.value)?.[1];
        context.report(at(node.offset), reach
          ? `выражение «{${node.value.trim().slice(0, 40)}}» обращается к «${reach}» и выполнилось бы на сервере сборки: удалите его`
          : `выражение «{${node.value.trim().slice(0, 40)}}» выполняется при сборке и в содержимом запрещено; чтобы написать фигурную скобку как текст, экранируйте её: \\{`);
      } else if (node.name) {
        const isComponent = /^[A-Z]/.test(node.name);
        if (isComponent ? !COMPONENTS.has(node.name) : !HTML_ELEMENTS.has(node.name)) {
          context.report(at(node.offset), isComponent
            ? `компонент <${node.name}> не входит в список компонентов содержимого: ${CONTENT_COMPONENTS.join(', ')}`
            : `элемент <${node.name}> запрещён в содержимом (допустимы простые элементы разметки: ${[...HTML_ELEMENTS].slice(0, 8).join(', ')}…)`);
        }
      }
    }
  }
});

export default [forbiddenCode];
