import { parseCode } from '../../lib/codes.ts';
import type { DocumentProperty } from '../blocks.ts';
import { labelOf } from './passport.ts';
import type { Recogniser } from './state.ts';
import { findCode, unquote } from './values.ts';

/**
 * A Word template keeps the code, name and edition in the document's properties (File → Properties: the
 * title, and custom ones such as «Код документа»), shown in the text through fields or not at all. They
 * count only where the text says nothing: a template's properties are often left as they were. The code
 * found there ranks below everything seen in the text, above the file name (code.ts).
 */
export function readProperties(rec: Recogniser, properties: readonly DocumentProperty[]): void {
  for (const { name, value } of properties) {
    const hit = labelOf([name, value]);
    if (!hit?.value) continue;
    const source = `свойства документа: «${name}» = «${hit.value}»`;
    if (hit.label === 'code') {
      const code = findCode(hit.value, rec.prefixes) ?? parseCode(hit.value)?.code;
      if (code) rec.found.push({ code, source });
    } else if (hit.label === 'title' && !rec.result.title) {
      rec.result.title = unquote(hit.value);
      rec.result.mapped.push({ field: 'title', value: rec.result.title, source });
    } else if (hit.label === 'version' && !rec.result.version && /^\d+(\.\d+)*$/.test(hit.value)) {
      rec.result.version = hit.value;
      rec.result.mapped.push({ field: 'version', value: hit.value, source });
    }
  }
}
