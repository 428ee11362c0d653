import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { location } from 'vfile-location';

/** jsonc-parser's error codes in the words of the one who wrote the file. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'недопустимый символ',
  InvalidNumberFormat: 'неверная запись числа',
  PropertyNameExpected: 'ожидается имя свойства в двойных кавычках',
  ValueExpected: 'ожидается значение',
  ColonExpected: 'ожидается двоеточие',
  CommaExpected: 'ожидается запятая',
  CloseBraceExpected: 'ожидается закрывающая фигурная скобка «}»',
  CloseBracketExpected: 'ожидается закрывающая квадратная скобка «]»',
  EndOfFileExpected: 'после значения не должно быть текста',
  InvalidCommentToken: 'комментарии в JSON не допускаются',
  UnexpectedEndOfComment: 'незакрытый комментарий',
  UnexpectedEndOfString: 'незакрытая строка: добавьте кавычку',
  UnexpectedEndOfNumber: 'незаконченное число',
  InvalidUnicode: 'неверная escape-последовательность \\u',
  InvalidEscapeCharacter: 'неверная escape-последовательность',
  InvalidCharacter: 'недопустимый управляющий символ в строке',
};

/** «ошибка синтаксиса JSON: …» for one of jsonc-parser's errors. */
export function jsonSyntaxReason(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return `ошибка синтаксиса JSON: ${JSON_ERRORS[code] ?? code}`;
}

/**
 * jsonc-parser's errors of a text as the author's mistakes: a comma before «}» or «]» (allowed in
 * JavaScript, not in JSON) is one error at the comma, where the parser reported two at the bracket
 * («ожидается имя свойства», «ожидается значение»).
 */
export function jsonSyntaxProblems(text: string, errors: readonly ParseError[]): Array<{ offset: number; reason: string }> {
  const problems: Array<{ offset: number; reason: string }> = [];
  const commas = new Set<number>();
  for (const error of errors) {
    const closer = text[error.offset];
    const comma = text.slice(0, error.offset).search(/,\s*$/);
    if ((closer === '}' || closer === ']') && comma >= 0) {
      if (!commas.has(comma))
        problems.push({
          offset: comma,
          reason: `ошибка синтаксиса JSON: лишняя запятая перед «${closer}»: после последнего элемента запятая не ставится — уберите её`,
        });
      commas.add(comma);
    } else problems.push({ offset: error.offset, reason: jsonSyntaxReason(error) });
  }
  return problems;
}

/**
 * The first syntax error of a JSON text read strictly (no comments, no trailing commas) as
 * `строка:столбец: ошибка синтаксиса JSON: …`, or undefined when the text is valid JSON.
 */
export function firstJsonSyntaxError(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = jsonSyntaxProblems(text, errors)[0];
  if (!first) return undefined;
  const { line, column } = location(text).toPoint(first.offset) ?? { line: 1, column: 1 };
  return `${line}:${column}: ${first.reason}`;
}
