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
 * The first syntax error of a JSON text read strictly (no comments, no trailing commas) as
 * `строка:столбец: ошибка синтаксиса JSON: …`, or undefined when the text is valid JSON.
 */
export function firstJsonSyntaxError(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return undefined;
  const { line, column } = location(text).toPoint(first.offset) ?? { line: 1, column: 1 };
  return `${line}:${column}: ${jsonSyntaxReason(first)}`;
}
