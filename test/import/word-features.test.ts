/**
 * Word features of real documents, in files LibreOffice writes (its DOCX and PDF export, not this
 * project's generators): codes of unknown types, hidden text, filled-in forms, symbol fonts, a table in a
 * cell, a template's own heading styles and direct outline levels (the docx package's DOCX), the document's
 * properties. Every document is converted in one
 * run of LibreOffice per format (each start costs seconds).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, DropCapType, FrameAnchorType, HorizontalPositionAlign, Packer, Paragraph, TextRun, VerticalPositionAlign } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeInvisibleAndPrompts } from '../../src/import/artefacts.ts';
import { CHECKBOX, CHECKED } from '../../src/import/blocks.ts';
import { symbolFontsAsUnicode, withoutHiddenText } from '../../src/import/docx-objects.ts';
import { checkboxItems, formSentence } from '../../src/import/form-boxes.ts';
import { readHtml } from '../../src/import/read-html.ts';
import { CORPUS_DIR } from './corpus.ts';
import { importInto, normalise, tempFile } from './helpers.ts';

const page = (heading: string) => `<html><head><meta charset="utf-8"></head><body><h1>${heading}</h1><p>Порядок учёта оборудования.</p></body></html>`;

const HIDDEN_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="Служебный" style:family="text"><style:text-properties text:display="none"/></style:style></office:styles>
<office:automatic-styles><style:style style:name="Hid" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-301 Руководство «Учёт жалоб»</text:h>
<text:p>Срок — <text:span text:style-name="Служебный">указание автору: проверить срок </text:span>один месяц.</text:p>
<text:p>Ответ направляет руководитель.<text:span text:style-name="Hid"> Черновая заметка.</text:span></text:p>
</office:text></office:body></office:document>`;

const FORM_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:h text:outline-level="1">РК-304 Руководство «Учёт заявок»</text:h>
<text:p><field:fieldmark text:name="Check1" field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Checkbox_Checked" field:value="false"/></field:fieldmark> Для внутреннего использования</text:p>
<text:p><field:fieldmark text:name="Check2" field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Checkbox_Checked" field:value="true"/></field:fieldmark> Для неограниченного доступа</text:p>
<text:p>Владелец: <loext:content-control loext:showing-place-holder="true">Щёлкните здесь, чтобы ввести текст.</loext:content-control></text:p>
<text:p>Срок: <loext:content-control loext:checkbox="true" loext:checked="true" loext:checked-state="☒" loext:unchecked-state="☐">☒</loext:content-control> ежемесячно</text:p>
</office:text></office:body></office:document>
`;

const SYMBOLS_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Wingdings" svg:font-family="Wingdings" style:font-charset="x-symbol" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/><style:font-face style:name="Symbol" svg:font-family="Symbol" style:font-charset="x-symbol" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="W" style:family="text"><style:text-properties style:font-name="Wingdings"/></style:style><style:style style:name="S" style:family="text"><style:text-properties style:font-name="Symbol"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-310 Руководство «Матрица»</text:h>
<text:p>Отметка: <text:span text:style-name="W">&#xF0FC;</text:span> выполнено; температура 20 <text:span text:style-name="S">&#xF0B1;</text:span> 2 градуса.</text:p>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Внешняя</text:p></table:table-cell><table:table-cell>
<table:table table:name="T2"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Вложенная А</text:p></table:table-cell><table:table-cell><text:p>Вложенная Б</text:p></table:table-cell></table:table-row></table:table>
</table:table-cell></table:table-row>
</table:table>
<text:p>Конец.</text:p>
</office:text></office:body></office:document>
`;

const TEMPLATE_HEADINGS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="МТС Раздел" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/><style:style style:name="МТС Название" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"/></office:styles><office:automatic-styles><style:style style:name="L1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="L2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/></office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="МТС Название">РК-321 Руководство «Учёт обращений»</text:p>
<text:p text:style-name="МТС Раздел">Общие положения</text:p>
<text:p>Текст раздела.</text:p>
<text:p text:style-name="МТС Раздел">Ответственность</text:p>
<text:p>Текст второго раздела.</text:p>
</office:text></office:body></office:document>
`;

const PROPERTIES_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Порядок учёта оборудования</dc:title><meta:user-defined meta:name="Код документа">РК-330</meta:user-defined><meta:user-defined meta:name="Редакция">2.1</meta:user-defined></office:meta>
<office:body><office:text>
<text:h text:outline-level="2">1. Общие положения</text:h>
<text:p>Настоящее руководство устанавливает порядок учёта.</text:p>
</office:text></office:body></office:document>
`;

/** Soft hyphens (Word's optional hyphens, `w:softHyphen`) and a non-breaking hyphen in a code. */
const HYPHENS_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:h text:outline-level="1">РК&#x2011;350 Руководство «Учёт»</text:h>
<text:p>См. ПТ&#x2011;035 и ин&#xAD;струк&#xAD;цию; пункт 4.2<text:tab/>табуляция.</text:p>
</office:text></office:body></office:document>
`;

/** Lists whose markers are drawn in Symbol and Wingdings, as Word's default bullets are. */
const SYMBOL_BULLETS_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Symbol" svg:font-family="Symbol" style:font-charset="x-symbol"/><style:font-face style:name="Wingdings" svg:font-family="Wingdings" style:font-charset="x-symbol"/></office:font-face-decls>
<office:automatic-styles>
<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="&#xF0B7;"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties><style:text-properties style:font-name="Symbol"/></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="B2"><text:list-level-style-bullet text:level="1" text:bullet-char="&#xF0D8;"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties><style:text-properties style:font-name="Wingdings"/></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-360 Руководство «Учёт списков»</text:h>
<text:p>Обязанности:</text:p>
<text:list text:style-name="B1"><text:list-item><text:p>первая обязанность исполнителя;</text:p></text:list-item><text:list-item><text:p>вторая обязанность исполнителя.</text:p></text:list-item></text:list>
<text:p>Требования:</text:p>
<text:list text:style-name="B2"><text:list-item><text:p>первое требование;</text:p></text:list-item><text:list-item><text:p>второе требование.</text:p></text:list-item></text:list>
</office:text></office:body></office:document>
`;

/**
 * What a word processor's document keeps that an export's repetition rules would take: a preamble before
 * the first heading, paragraphs its author wrote twice, and lists inside table cells.
 */
const KEPT_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="Bd" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<text:list-style style:name="LN"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:p>ПАО «МТС»</text:p>
<table:table table:name="T00"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Согласовано</text:p></table:table-cell><table:table-cell><text:p>Подпись</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Директор по качеству</text:p></table:table-cell><table:table-cell><text:p>И. И. Иванов</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Юрист</text:p></table:table-cell><table:table-cell><text:p>П. П. Петров</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Настоящее руководство устанавливает порядок выездных проверок подразделений и определяет, кто их готовит, проводит и оформляет; сокращения в нём такие:</text:p>
<table:table table:name="T0"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Сокращение</text:p></table:table-cell><table:table-cell><text:p>Расшифровка</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>ВП</text:p></table:table-cell><table:table-cell><text:p>выездная проверка</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>РП</text:p></table:table-cell><table:table-cell><text:p>руководитель проверки</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Срок хранения — пять лет.</text:p>
<text:list text:style-name="LB"><text:list-item><text:p>акт</text:p></text:list-item><text:list-item><text:p>план</text:p></text:list-item></text:list>
<text:h text:outline-level="1">РК-370 Руководство «Выездные проверки»</text:h>
<text:h text:outline-level="2">1. Подготовка</text:h>
<text:p>Не применяется.</text:p>
<text:p>Ответственный за исполнение — руководитель проверяемого подразделения.</text:p>
<text:h text:outline-level="2"/>
<text:h text:outline-level="2"><text:span text:style-name="Bd">2. Проведение</text:span></text:h>
<text:p>Не применяется.</text:p>
<text:p>Ответственный за исполнение — руководитель проверяемого подразделения.</text:p>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Участник</text:p></table:table-cell><table:table-cell><text:p>Обязанности</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Проверяющий</text:p></table:table-cell><table:table-cell><text:p>Обязан:</text:p><text:list text:style-name="LB"><text:list-item><text:p>готовит план проверки;</text:p></text:list-item><text:list-item><text:p>проводит проверку.</text:p></text:list-item></text:list></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Руководитель</text:p></table:table-cell><table:table-cell><text:list text:style-name="LN"><text:list-item><text:p>Утверждает план.</text:p></text:list-item><text:list-item><text:p>Подписывает акт.</text:p></text:list-item></text:list></table:table-cell></table:table-row>
</table:table>
<table:table table:name="T2"><table:table-column table:number-columns-repeated="3"/><table:table-row><table:table-cell><text:p>ФИО</text:p></table:table-cell><table:table-cell><text:p>Подпись</text:p></table:table-cell><table:table-cell><text:p>Дата</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row></table:table>
<table:table table:name="T3"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Редакция</text:p></table:table-cell><table:table-cell><text:p>Изменения</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>1.0</text:p></table:table-cell><table:table-cell><text:p>Первая редакция</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document>
`;

/** A document whose only styled heading comes last: sixteen short paragraphs are its text, not a title page. */
const LATE_HEADING_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>РК-375 Руководство «Журнал смены»</text:p>
${Array.from({ length: 16 }, (_, i) => `<text:p>Запись ${i + 1} вносит дежурный.</text:p>`).join('\n')}
<text:h text:outline-level="2">Приложения</text:h>
<text:p>Форма журнала хранится у руководителя смены.</text:p>
</office:text></office:body></office:document>
`;

/** A title page with a form's choice of access level as a list, then a list in the text. */
const TITLE_FORM_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style></office:automatic-styles>
<office:body><office:text>
<text:p>ПАО «МТС»</text:p>
<text:p>Руководство «Учёт ключей» РК-376</text:p>
<text:list text:style-name="LB"><text:list-item><text:p>☒ Для внутреннего использования</text:p></text:list-item><text:list-item><text:p>☐ Для неограниченного доступа</text:p></text:list-item></text:list>
<text:h text:outline-level="2">1. Порядок</text:h>
<text:p>Ключи выдаёт дежурный.</text:p>
</office:text></office:body></office:document>
`;

/** Footnotes and an endnote, one of them in a bold line that becomes a heading (no heading style). */
const NOTES_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:style style:name="Bd" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-391 Руководство «Сноски»</text:h>
<text:h text:outline-level="2">1. Общие положения</text:h>
<text:p>Руководство применяется во всех подразделениях<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Кроме дочерних обществ.</text:p></text:note-body></text:note> и пересматривается ежегодно<text:note text:id="n2" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Не позднее 1 марта.</text:p></text:note-body></text:note>.</text:p>
<text:p><text:span text:style-name="Bd">2. Требования<text:note text:id="n3" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>Раздел введён в 2026 году.</text:p></text:note-body></text:note></text:span></text:p>
<text:p>Требования обязательны для всех работников.</text:p>
</office:text></office:body></office:document>
`;

/** What LibreOffice is given, by file name: FODT (its own XML) and HTML pages. */
const SOURCES: Record<string, string> = {
  'uchet.html': page('СТ-501 Стандарт «Учёт оборудования»'),
  'СТ-777 Положение.html': page('Положение об учёте'),
  'sk-501.html': page('СК-501 Стандарт качества «Учёт оборудования»'),
  'rk-301.fodt': HIDDEN_SOURCE,
  'rk-304.fodt': FORM_SOURCE,
  'rk-305.fodt': FORM_SOURCE.replace('РК-304', 'РК-305').replace('field:value="true"', 'field:value="false"'),
  'rk-310.fodt': SYMBOLS_SOURCE,
  'rk-321.fodt': TEMPLATE_HEADINGS,
  'props.fodt': PROPERTIES_SOURCE,
  'rk-350.fodt': HYPHENS_SOURCE,
  'rk-360.fodt': SYMBOL_BULLETS_SOURCE,
  'rk-370.fodt': KEPT_SOURCE,
  'rk-375.fodt': LATE_HEADING_SOURCE,
  'rk-376.fodt': TITLE_FORM_SOURCE,
  'rk-391.fodt': NOTES_SOURCE,
  // The text names the document itself: the properties are a template's leftovers.
  'props-text.fodt': PROPERTIES_SOURCE.replace(
    '<text:h text:outline-level="2">',
    '<text:h text:outline-level="1">РК-331 Руководство «Учёт заявок»</text:h><text:h text:outline-level="2">',
  ),
};
/** Printed to PDF as well. */
const PRINTED = ['rk-304.fodt', 'rk-310.fodt', 'rk-360.fodt'];

/** The converted files, by name: `uchet.docx`, `rk-304.pdf`. */
const office: Record<string, string> = {};
beforeAll(async () => {
  const dir = path.dirname(await tempFile('.keep', ''));
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(path.join(dir, name), text);
  const convert = (filter: string, names: string[]) =>
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', dir, ...names.map((n) => path.join(dir, n))],
      {
        stdio: 'ignore',
      },
    );
  convert('docx:MS Word 2007 XML', Object.keys(SOURCES));
  convert('pdf', PRINTED);
  // Word 2003's XML, which old sections keep under .doc.
  convert('xml:MS Word 2003 XML', ['rk-370.fodt']);
  for (const name of Object.keys(SOURCES)) office[name.replace(/\.\w+$/, '.docx')] = path.join(dir, name.replace(/\.\w+$/, '.docx'));
  for (const name of PRINTED) office[name.replace(/\.\w+$/, '.pdf')] = path.join(dir, name.replace(/\.\w+$/, '.pdf'));
});

/** The one imported file: its result and its MDX. */
async function imported(file: string) {
  const result = await importInto([file], { version: '1.0' });
  const entry = result.files[0]!;
  return { entry, mdx: entry.written[0] ? readFileSync(path.join(result.root, entry.written[0]), 'utf8') : '' };
}

describe('a code of a type the registry does not have', () => {
  it('is refused naming the code it saw, where, and the types the registry knows: not «code not found»', async () => {
    const { entry } = await imported(office['uchet.docx']!);
    expect(entry.written).toEqual([]);
    expect(entry.error).toBe(
      'код документа не распознан: «СТ-501» (заголовок) — вида документа «СТ» нет в реестре registries/document-types.json (известные: ПТ, ПЛ, ПР, РГ, РК, СК, ИН); добавьте вид в реестр и повторите импорт или укажите код известного вида параметром --code',
    );
  });

  it('names the file when the code is only in its name, and a registered type in the heading still wins as before', async () => {
    expect((await imported(office['СТ-777 Положение.docx']!)).entry.error).toMatch(
      /^код документа не распознан: «СТ-777» \(имя файла «СТ-777 Положение\.docx»\)/,
    );
    const { entry } = await imported(office['sk-501.docx']!);
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('СК-501');
  });
});

describe('hidden text (Word’s «Скрытый»)', () => {
  const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

  it('is taken out and reported, runs side by side as one text; switched off or hidden only on the web, it stays', () => {
    const xml = `<w:p>${run('Срок — ')}${run('проверить ', '<w:vanish/>')}${run('срок', '<w:b/><w:vanish w:val="true"/>')}${run('один месяц.')}${run(' 3', '<w:webHidden/>')}${run(' видно', '<w:vanish w:val="0"/>')}</w:p>`;
    const { xml: visible, notes } = withoutHiddenText(xml);
    expect(visible).not.toMatch(/проверить|>срок</);
    expect(visible).toContain('один месяц.');
    expect(visible).toContain(' 3');
    expect(visible).toContain(' видно');
    expect(notes.map((n) => n.text)).toEqual(['проверить срок']);
  });

  it('hidden through a character style is hidden too; a document without hidden text is returned as it was', () => {
    const styles =
      '<w:styles><w:style w:type="character" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style></w:styles>';
    const xml = `<w:p>${run('указание', '<w:rStyle w:val="Note"/>')}${run('текст', '<w:rStyle w:val="Strong"/>')}</w:p>`;
    expect(withoutHiddenText(xml, styles).notes.map((n) => n.text)).toEqual(['указание']);
    const plain = `<w:p>${run('текст', '<w:rStyle w:val="Strong"/>')}</w:p>`;
    expect(withoutHiddenText(plain, styles)).toEqual({ xml: plain, notes: [] });
  });

  it('in LibreOffice’s DOCX (direct formatting and a character style) is neither published nor lost without a word', async () => {
    const { entry, mdx } = await imported(office['rk-301.docx']!);
    expect(entry.error).toBeUndefined();
    expect(normalise(mdx)).toContain('срок — один месяц. ответ направляет руководитель.');
    expect(mdx).not.toMatch(/указание|Черновая/);
    expect(entry.dropped.filter((d) => d.reason.startsWith('скрытый текст Word')).map((d) => d.text)).toEqual([
      'указание автору: проверить срок',
      'Черновая заметка.',
    ]);
  });
});

describe('a filled-in form: Word’s form check boxes and content controls', () => {
  it('boxes used as bullets stay plain items; in a form every box keeps its state, and a sentence with boxes stays a sentence', () => {
    const line = `${CHECKBOX}Первая цель ${CHECKBOX}Вторая цель`;
    expect(checkboxItems(line, false)).toEqual({ items: ['Первая цель', 'Вторая цель'], checked: [] });
    expect(checkboxItems(`${CHECKBOX}${CHECKED}Первая цель ${CHECKBOX}Вторая цель`, true)).toEqual({
      items: ['☒ Первая цель', '☐ Вторая цель'],
      checked: ['Первая цель'],
    });
    expect(formSentence(line, true)).toBeUndefined(); // opens with a box: a list
    expect(formSentence(`Периодичность: ${CHECKBOX}ежемесячно ${CHECKBOX}${CHECKED}ежеквартально`, true)).toBe('Периодичность: ☐ежемесячно ☒ежеквартально');
    expect(formSentence(`Периодичность: ${CHECKBOX}ежемесячно`, false)).toBeUndefined();
  });

  it('a box ticked in the page’s furniture (a saved page’s login form) does not make the text a form', () => {
    const page = (furniture: string) =>
      readHtml(
        `<html><body><form><input type="checkbox" checked> Запомнить меня</form><main><p><input type="checkbox"> Первая цель <input type="checkbox"> Вторая цель</p>${furniture}</main></body></html>`,
      );
    const items = (doc: ReturnType<typeof readHtml>) =>
      doc.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.inlines.map((r) => r.text).join('')) : []));
    expect(items(page(''))).toEqual(['Первая цель', 'Вторая цель']);
    expect(items(page('<p><input type="checkbox" checked> Отмечено</p>'))).toEqual(['☐ Первая цель', '☐ Вторая цель', '☒ Отмечено']);
  });

  it('takes the ticked access level, keeps which boxes were ticked, and leaves out an empty field’s prompt', async () => {
    const { entry, mdx } = await imported(office['rk-304.docx']!);
    expect(entry.error).toBeUndefined();
    expect(mdx).toMatch(/^access: public$/m);
    expect(entry.guessed.filter((g) => g.field === 'access')).toEqual([]);
    expect(mdx).toContain('- ☐ Для внутреннего использования\n- ☒ Для неограниченного доступа');
    expect(mdx).toContain('Срок: ☒ ежемесячно');
    expect(mdx).not.toContain('Щёлкните здесь');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'Щёлкните здесь, чтобы ввести текст.: незаполненное поле формы Word: его подсказка не перенесена — заполните это место в редакции',
    );
  });

  it('without a ticked level, the access level taken is named as a guess', async () => {
    const { entry } = await imported(office['rk-305.docx']!);
    expect(entry.guessed.filter((g) => g.field === 'access').map((g) => g.value)).toEqual(['internal']);
  });

  it('printed to PDF, the form still loses its prompt, named in the report; «Выберите элемент меню» in a sentence is text', async () => {
    const { entry } = await imported(office['rk-304.pdf']!);
    expect(entry.error).toBeUndefined();
    expect(entry.dropped.filter((d) => d.reason.startsWith('подсказка незаполненного поля')).map((d) => d.text)).toEqual([
      'Щёлкните здесь, чтобы ввести текст.',
    ]);
    const { blocks } = removeInvisibleAndPrompts([{ kind: 'paragraph', inlines: [{ text: 'Выберите элемент меню. Выберите элемент.' }], line: 1 }]);
    expect(blocks[0]).toMatchObject({ inlines: [{ text: 'Выберите элемент меню. ' }] });
  });
});

describe('symbol fonts and a table in a cell', () => {
  it('characters typed in Symbol or Wingdings become their Unicode equivalents, each named; an unknown one is named too', () => {
    const run = (font: string, text: string) => `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t>${text}</w:t></w:r>`;
    const { xml, notes } = symbolFontsAsUnicode(
      `<w:p>${run('Symbol', 'a')}${run('Times New Roman', 'a')}${run('Wingdings', '\uf0fc')}${run('Wingdings', '\uf000')}</w:p>`,
    );
    expect(xml).toContain('<w:t>α</w:t>');
    expect(xml).toContain('<w:t>a</w:t>'); // not a symbol font: as it was
    expect(xml).toContain('<w:t>✓</w:t>');
    expect(notes.map((n) => n.text)).toEqual(['Symbol U+0061 → «α»', 'Wingdings U+F0FC → «✓»', 'Wingdings U+F000']);
  });

  it('publish «✓» and «±», not private-use characters, and keep the cells of a nested table apart, reported', async () => {
    const { entry, mdx } = await imported(office['rk-310.docx']!);
    expect(entry.error).toBeUndefined();
    expect(mdx).toContain('Отметка: ✓ выполнено; температура 20 ± 2 градуса.');
    expect(mdx).not.toMatch(/[\ue000-\uf8ff]/u);
    expect(mdx).toContain('| Внешняя | Вложенная А; Вложенная Б |');
    expect(entry.dropped.map((d) => d.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^знак символьного шрифта заменён/), expect.stringMatching(/^таблица внутри ячейки/)]),
    );
  });

  it('printed to PDF, list markers drawn in Symbol or Wingdings still make list items, with nothing to report', async () => {
    const { entry, mdx } = await imported(office['rk-360.pdf']!);
    expect(entry.error).toBeUndefined();
    expect(mdx).toContain(
      'Обязанности:\n\n- первая обязанность исполнителя;\n- вторая обязанность исполнителя.\n\nТребования:\n\n- первое требование;\n- второе требование.',
    );
    expect(mdx).not.toMatch(/[\ue000-\uf8ff]/u);
    expect(entry.dropped.filter((d) => d.reason.startsWith('знак символьного шрифта'))).toEqual([]);
  });

  it('printed to PDF, a symbol font’s character cannot be told and is named for the author', async () => {
    const { entry } = await imported(office['rk-310.pdf']!);
    expect(entry.error).toBeUndefined();
    expect(entry.dropped.filter((d) => d.reason.startsWith('знак символьного шрифта (Symbol, Wingdings)')).map((d) => d.text)).toEqual(['U+F0FC, U+F0B1']);
  });
});

describe('headings in a template’s own styles (an outline level, any name)', () => {
  it('given directly to paragraphs (the docx package writes `w:outlineLvl` without a style) are headings too', async () => {
    const heading = (level: number, text: string) => new Paragraph({ outlineLevel: level, children: [new TextRun(text)] });
    const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const document = new Document({
      sections: [
        {
          children: [
            heading(0, 'РК-340 Руководство «Учёт актов»'),
            heading(1, 'Общие положения'),
            body('Текст раздела.'),
            heading(1, 'Ответственность'),
            body('Текст второго раздела.'),
          ],
        },
      ],
    });
    const { entry, mdx } = await imported(await tempFile('rk-340.docx', await Packer.toBuffer(document)));
    expect(entry.error).toBeUndefined();
    expect([entry.code, entry.title]).toEqual(['РК-340', 'Учёт актов']);
    expect(mdx).toContain('## Общие положения\n\nТекст раздела.\n\n## Ответственность\n\nТекст второго раздела.');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'заголовков: 3: абзацы с уровнем структуры Word (без стиля заголовка) перенесены заголовками',
    );
  });

  it('are headings, and the first names the document, as Word’s navigation pane shows them', async () => {
    const { entry, mdx } = await imported(office['rk-321.docx']!);
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('РК-321');
    expect(mdx).toMatch(/^title: Учёт обращений$/m);
    expect(mdx).toContain('## Общие положения\n\nТекст раздела.\n\n## Ответственность\n\nТекст второго раздела.');
  });
});

describe('footnotes and endnotes', () => {
  it('become Markdown footnotes: the call where the mark stood (a bold line made a heading keeps it), the text at the end, numbered in order', async () => {
    const { entry, mdx } = await imported(office['rk-391.docx']!);
    expect(entry.error).toBeUndefined();
    expect(mdx).toContain('Руководство применяется во всех подразделениях[^1] и пересматривается ежегодно[^2].');
    expect(mdx).toContain('## 2. Требования[^3]');
    expect(mdx).toMatch(/\n\[\^1\]: Кроме дочерних обществ\.\n\n\[\^2\]: Не позднее 1 марта\.\n\n\[\^3\]: Раздел введён в 2026 году\.\n$/);
    expect(entry.dropped.filter((d) => d.reason.startsWith('сноска перенесена сноской'))).toHaveLength(3);
  });
});

describe('a drop cap (Word writes its letter as a paragraph of its own, in a frame)', () => {
  it('goes back into its word: «Настоящее», not «Н» and «астоящее»; each join is reported', async () => {
    const dropCap = (letter: string, kind: (typeof DropCapType)[keyof typeof DropCapType]) =>
      new Paragraph({
        frame: {
          type: 'alignment',
          dropCap: kind,
          lines: 3,
          anchor: { horizontal: FrameAnchorType.TEXT, vertical: FrameAnchorType.TEXT },
          alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.TOP },
        },
        children: [new TextRun({ text: letter, size: 112 })],
      });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ outlineLevel: 0, children: [new TextRun('РК-341 Руководство «Оформление»')] }),
            new Paragraph({ outlineLevel: 1, children: [new TextRun('Общие положения')] }),
            dropCap('Н', DropCapType.DROP),
            new Paragraph({ children: [new TextRun('астоящее руководство устанавливает порядок оформления.')] }),
            new Paragraph({ children: [new TextRun('Второй абзац.')] }),
            dropCap('В', DropCapType.MARGIN),
            new Paragraph({ children: [new TextRun({ text: 'ыделенный', bold: true }), new TextRun(' абзац на полях.')] }),
          ],
        },
      ],
    });
    const { entry, mdx } = await imported(await tempFile('rk-341.docx', await Packer.toBuffer(document)));
    expect(entry.error).toBeUndefined();
    expect(mdx).toContain('## Общие положения\n\nНастоящее руководство устанавливает порядок оформления.\n\nВторой абзац.\n\nВыделенный абзац на полях.');
    expect(entry.dropped.filter((d) => d.reason.startsWith('буквица Word')).map((d) => d.text)).toEqual([
      'Настоящее руководство устанавливает порядок оформления.',
      'Выделенный абзац на полях.',
    ]);
  });
});

describe('the document’s properties (the title and custom properties)', () => {
  it('give the code, name and edition when the text has none, each with its source', async () => {
    const entry = (await importInto([office['props.docx']!])).files[0]!;
    expect(entry.error).toBeUndefined();
    expect([entry.code, entry.title, entry.version]).toEqual(['РК-330', 'Порядок учёта оборудования', '2.1']);
    expect(entry.mapped.find((m) => m.field === 'code')?.source).toBe('свойства документа: «Код документа» = «РК-330»');
  });

  it('yield to what the text says, and the other code is named as a guess', async () => {
    const entry = (await importInto([office['props-text.docx']!])).files[0]!;
    expect([entry.code, entry.title]).toEqual(['РК-331', 'Учёт заявок']);
    expect(entry.guessed.filter((g) => g.field === 'code').map((g) => g.original)).toEqual(['РК-330 (свойства документа: «Код документа» = «РК-330»)']);
  });
});

describe('invisible characters (LibreOffice writes soft hyphens as w:softHyphen)', () => {
  it('are taken out and counted in the report; a non-breaking hyphen in a code stays and the code is read', async () => {
    const { entry, mdx } = await imported(office['rk-350.docx']!);
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('РК-350');
    expect(mdx).toContain('См. ПТ\u2011035 и инструкцию; пункт 4.2');
    expect(mdx).not.toContain('\u00ad');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'U+00AD (мягкий перенос) ×2: невидимый символ удалён: он не виден, но мешает искать слово и проверять коды',
    );
  });
});

describe('what an author wrote in a word processor’s file, which an export’s artefact rules would take', () => {
  it('keeps a preamble and a table of data before the first heading, paragraphs written twice, and lists in cells as lines with their markers', async () => {
    const { entry, mdx } = await imported(office['rk-370.docx']!);
    expect(entry.error).toBeUndefined();
    const body = mdx.slice(mdx.indexOf('\n---\n') + 5);
    expect(body.trimStart()).toMatch(/^Настоящее руководство устанавливает порядок выездных проверок/);
    expect(body).not.toContain('ПАО «МТС»');
    // Once the text has begun, the title page has ended: a short line and a list after the preamble are the text's.
    expect(body).toContain('Срок хранения — пять лет.\n\n- акт\n- план');
    // A table of data before the first heading is text too; the approvals sheet is the title page's.
    expect(body).toContain('| ВП | выездная проверка |');
    expect(body).not.toContain('Иванов');
    expect(entry.dropped.map((d) => d.text)).toContainEqual(expect.stringContaining('И. И. Иванов'));
    expect(body.match(/^Не применяется\.$/gm)).toHaveLength(2);
    expect(body.match(/^Ответственный за исполнение — руководитель проверяемого подразделения\.$/gm)).toHaveLength(2);
    expect(body).toContain('| Проверяющий | Обязан:<br />• готовит план проверки;<br />• проводит проверку. |');
    expect(body).toContain('| Руководитель | 1. Утверждает план.<br />2. Подписывает акт. |');
    expect(body).not.toMatch(/[☐☒]/);
    // A sheet left for handwriting is not published; a table's empty rows are left out, its filled ones kept.
    expect(body).not.toContain('Подпись');
    expect(body.trimEnd().endsWith('| Редакция | Изменения |\n| --- | --- |\n| 1.0 | Первая редакция |')).toBe(true);
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason.split(' ')[0]}`)).toEqual(
      expect.arrayContaining(['«ФИО | Подпись | Дата» и пустых строк 3: бланк', '«Редакция | Изменения»: пустых строк 2: пустые']),
    );
    // An empty paragraph in a heading style is no heading; a bold heading is a heading, not emphasis.
    expect(body.match(/^#+.*$/gm)).toEqual(['## 1. Подготовка', '## 2. Проведение']);
    expect(entry.dropped.map((d) => d.reason)).not.toContainEqual(expect.stringMatching(/колонтитул страницы/));
  });

  it('keeps more blocks than a title page holds before a heading that comes late, and still reads the title among them', async () => {
    const { entry, mdx } = await imported(office['rk-375.docx']!);
    expect(entry.error).toBeUndefined();
    // The title line is still read as one, with its code before the type.
    expect([entry.code, entry.title]).toEqual(['РК-375', 'Журнал смены']);
    for (let i = 1; i <= 16; i++) expect(mdx).toContain(`Запись ${i} вносит дежурный.`);
    expect(entry.dropped.filter((d) => d.reason.startsWith('титульный лист'))).toEqual([]);
  });

  it('reads a form’s choice of access level on the title page and leaves it there, not in the text', async () => {
    const { entry, mdx } = await imported(office['rk-376.docx']!);
    expect([entry.error, entry.code]).toEqual([undefined, 'РК-376']);
    expect(mdx).toMatch(/^access: internal$/m);
    expect(mdx.slice(mdx.indexOf('\n---\n'))).not.toMatch(/доступа|использования/);
  });

  it('finds the main part where the package says it is (Word may save it as word/document2.xml)', async () => {
    const original = readFileSync(office['rk-370.docx']!);
    const zip = await JSZip.loadAsync(original);
    const rename = async (from: string, to: string) => {
      zip.file(to, await zip.file(from)!.async('uint8array'));
      zip.remove(from);
    };
    await rename('word/document.xml', 'word/document2.xml');
    if (zip.file('word/_rels/document.xml.rels')) await rename('word/_rels/document.xml.rels', 'word/_rels/document2.xml.rels');
    for (const name of ['_rels/.rels', '[Content_Types].xml'])
      zip.file(name, (await zip.file(name)!.async('string')).replaceAll('word/document.xml', 'word/document2.xml'));
    const moved = await tempFile('РК-370 moved.docx', await zip.generateAsync({ type: 'uint8array' }));
    const before = await imported(office['rk-370.docx']!);
    const after = await imported(moved);
    expect(after.entry.error).toBeUndefined();
    // The same edition, but for the note naming the file it came from.
    const unnamed = (mdx: string) => mdx.replace(/^changes: .*$/m, '');
    expect(unnamed(after.mdx)).toBe(unnamed(before.mdx));
    expect(after.mdx).toContain('| Проверяющий | Обязан:');
  });
});

describe('a file whose name does not say what it is (old sections keep RTF, web pages and Word 2003 XML under .doc)', () => {
  const copy = async (from: string, name: string) => tempFile(name, readFileSync(from));
  const formatNote = (entry: { dropped: Array<{ text: string; reason: string }> }) => entry.dropped.find((d) => d.text === 'формат файла')?.reason;

  it('is read by its content: RTF and Word 2003 XML named .doc, a Word 97 document named .docx, each with a note', async () => {
    const inputs = [
      await copy(path.join(CORPUS_DIR, 'rtf/header-code.rtf'), 'РГ-101 header-code.doc'),
      await copy(path.join(CORPUS_DIR, 'doc/footer-code.doc'), 'РГ-102 footer-code.docx'),
      await copy(office['rk-370.docx']!.replace(/\.docx$/, '.xml'), 'rk-370.doc'),
    ];
    const result = await importInto(inputs, { dryRun: true });
    const [rtf, word97, wordml] = result.files;
    expect([rtf!.error, rtf!.code, formatNote(rtf!)]).toEqual([undefined, 'РГ-101', 'файл назван .doc, но это RTF: прочитан по содержимому']);
    expect([word97!.error, word97!.code, formatNote(word97!)]).toEqual([
      undefined,
      'РГ-102',
      'файл назван .docx, но это документ Word 97–2003: прочитан по содержимому',
    ]);
    expect([wordml!.error, wordml!.code, formatNote(wordml!)]).toEqual([
      undefined,
      'РК-370',
      'файл назван .doc, но это документ Word 2003 XML: прочитан по содержимому',
    ]);
  });

  it('templates and documents with macros (.dotx, .dotm, .docm, .dot, .ott) are read as their formats; macros are named as left out', async () => {
    const withMacros = await JSZip.loadAsync(readFileSync(office['rk-370.docx']!));
    withMacros.file('word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    const inputs = [
      await copy(office['rk-370.docx']!, 'РК-370 шаблон.dotx'),
      await tempFile('РК-370 с макросами.docm', await withMacros.generateAsync({ type: 'uint8array' })),
      await copy(path.join(CORPUS_DIR, 'doc/footer-code.doc'), 'РГ-102 шаблон.dot'),
      await copy(path.join(CORPUS_DIR, 'odt/header-code.odt'), 'РГ-101 шаблон.ott'),
      await copy(office['rk-370.docx']!, 'РК-370 шаблон с макросами.dotm'),
    ];
    const files = (await importInto(inputs, { dryRun: true })).files;
    expect(files.map((f) => [f.error, f.code])).toEqual([
      [undefined, 'РК-370'],
      [undefined, 'РК-370'],
      [undefined, 'РГ-102'],
      [undefined, 'РГ-101'],
      [undefined, 'РК-370'],
    ]);
    expect(files[1]!.dropped.map((d) => d.reason)).toContain('файл .docm содержит макросы Word: текст перенесён, макросы не переносятся и не выполняются');
    expect(files[0]!.dropped.map((d) => d.text)).not.toContain('макросы');
  });

  it('a web page saved under .doc is read as HTML; a .doc that is none of these is still refused', async () => {
    const page = await tempFile(
      'РК-371 Положение.doc',
      '<html><head><meta charset="utf-8"></head><body><h1>РК-371 Руководство «Учёт»</h1><p>Порядок учёта оборудования.</p></body></html>',
    );
    const json = await tempFile('РК-372 выгрузка.doc', '[{"Content-Type": "text/plain"}]');
    const [html, other] = (await importInto([page, json], { dryRun: true })).files;
    expect([html!.error, html!.code, formatNote(html!)]).toEqual([undefined, 'РК-371', 'файл назван .doc, но это веб-страница HTML: прочитан по содержимому']);
    expect(other!.error).toBe('файл назван .doc, но это не документ Word 97–2003: он повреждён или в другом формате');
  });

  it('a password-protected DOCX saved by Word is named protected, not «corrupt» or «an old .doc»', async () => {
    const input = await copy(path.join(import.meta.dirname, '../fixtures/word/protected.docx'), 'РК-373.docx');
    expect((await importInto([input], { dryRun: true })).files[0]!.error).toBe(
      'файл зашифрован паролем: снимите защиту в Word (Файл → Сведения → Защита документа) и повторите',
    );
  });
});
