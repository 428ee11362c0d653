import { TO_FILL } from '../schemas/common.ts';

/**
 * A value the author must replace. The schemas reject it with «поле не заполнено: <hint>», so
 * `npm run check` names every such field with its line and column.
 */
export const toFill = (hint: string) => `${TO_FILL}: ${hint}`;

/** Placeholders the scaffolds write; one place, so the guide and the tests quote the same words. */
export const FILL = {
  approved: toFill('дата утверждения, ГГГГ-ММ-ДД'),
  effective: toFill('дата введения в действие, ГГГГ-ММ-ДД'),
  act: toFill('приказ или другой акт, которым утверждена редакция'),
  approvedBy: toFill('должность утвердившего, например «Президент ПАО «МТС»»'),
  changes: toFill('что изменилось по сравнению с предыдущей редакцией'),
  goal: toFill('цель документа'),
  summary: toFill('краткое описание документа'),
  scope: toFill('подразделение, должность или роль, к которым применяется документ'),
  access: toFill('уровень доступа из registries/access-levels.json'),
  body: toFill('текст раздела'),
} as const;
