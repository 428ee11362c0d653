import { COMPONENT_ATTRIBUTES, isContentComponent } from '../../../../analysis/allowlist.ts';
import { entries } from '../../../../analysis/entries.ts';
import { CODE_SEPARATORS, latinCodeHint, parseCode } from '../../../../lib/codes.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { documentStatus } from '../../../../model/editions.ts';
import { documentExists, unreadableDocument, type Lookup } from '../../../../model/lookup.ts';
import { defineRule } from '../../../rule.ts';

const ANY_CODE = new RegExp(`^([A-ZА-ЯЁ]{1,4})[${CODE_SEPARATORS}]?(\\d{1,4})$`);

/**
 * `<RolesTable document="ПТ-999" />` rendered an empty table without a word, as did a code typed with a
 * Latin letter or a space, and a document with no such data. The code in `document` must be a document
 * of the registry, written as the registry writes it, and (when it is another document's) have what the
 * component shows. Without the attribute a component shows its own document's data: not a reference.
 */
export default defineRule(
  {
    id: 'ref/component-document',
    severity: 'error',
    description: 'атрибут document у RolesTable, NormativeReferences и Principles называет существующий документ',
  },
  (context) => {
    const { lookup, buildDate } = context;
    const codes = [...lookup.documents.keys()];
    for (const { doc, entry, extracted } of entries(context))
      for (const node of extracted.code) {
        // The components that read `document` (the allowlist's) show another document's data by it.
        if (node.kind !== 'jsx' || !isContentComponent(node.name) || !COMPONENT_ATTRIBUTES[node.name].includes('document')) continue;
        const attribute = node.attributes?.find((a) => a.name === 'document');
        if (!attribute) continue;
        // The component reads the attribute as written: « ПТ-035» with a space finds nothing either.
        const value = attribute.value ?? '';
        const tag = `<${node.name} document="${value}">`;
        const found = problem(value, lookup, codes) ?? (value === doc.code ? undefined : nothingShown(node.name, value, lookup, buildDate));
        if (found) context.report({ file: entry.file, offset: attribute.offset }, `${tag}: ${found}`);
      }
  },
);

/** What is wrong with the code itself: empty, Latin letters, not a code, another spelling, not in the registry. */
function problem(written: string, lookup: Lookup, codes: string[]): string | undefined {
  const value = written.trim();
  if (!value) return 'код пуст: укажите код документа, например ПТ-035, или уберите атрибут — тогда компонент покажет данные своего документа';
  const shape = ANY_CODE.exec(value);
  const latin = shape && latinCodeHint(shape[1]!, shape[2]!, lookup.types.keys());
  if (latin) return `код ${latin}`;
  const code = parseCode(value);
  if (!code) return 'это не код документа: префикс вида кириллицей, дефис и номер, например ПТ-035';
  if (!documentExists(lookup, code.code))
    return `документ ${code.code} не найден в реестре НД${didYouMean(code.code, codes, (near) => `имелся в виду ${near}`)}; компонент ничего не покажет`;
  if (code.code !== written) return `пишите код так, как в реестре: ${code.code}`;
  return undefined;
}

/** Another document that has nothing for the component: its table or list would be empty. */
function nothingShown(component: string, code: string, lookup: Lookup, buildDate: string): string | undefined {
  if (unreadableDocument(lookup, code)) return undefined; // its own file's error says why
  if (component === 'RolesTable') {
    if (lookup.unreadableCatalogs.has('roles') || [...lookup.roles.values()].some((r) => r.data.definedIn === code)) return undefined;
    return `ничего не покажет: в реестре ролей (registries/roles.json) нет ни одной роли, определённой в ${code} (definedIn)`;
  }
  if (component !== 'NormativeReferences') return undefined; // Principles: ref/unknown-principle names what is missing
  const shown = documentStatus(lookup.documents.get(code)!.editions, buildDate).shown?.edition;
  if (!shown) return `ничего не покажет: у ${code} нет утверждённой редакции`;
  if (shown.data.references.length) return undefined;
  return `ничего не покажет: в редакции ${shown.data.version} документа ${code}, которую показывает портал, нет нормативных ссылок (свойство references)`;
}
