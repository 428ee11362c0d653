import { stringify } from 'yaml';
import { FILL } from './markers.ts';

/**
 * Frontmatter text between the `---` lines. Strings that would read as another type (`"1.0"`) are
 * quoted by the YAML writer; long lines are never folded, so a diff shows the author's edit only.
 */
export const frontmatter = (data: Record<string, unknown>) => `---\n${stringify(data, { lineWidth: 0 })}---\n`;

export interface NewDocument {
  code: string;
  title: string;
  unit: string;
  /** An access level id; absent → the to-fill marker. */
  access?: string;
}

/**
 * Edition 1.0 of a new document, as a draft. Components that describe the document itself carry no
 * `document` attribute: they show the document they are in, so a copied file cannot show another's data.
 */
export function documentText(input: NewDocument): string {
  const data = {
    code: input.code,
    title: input.title,
    version: '1.0',
    status: 'проект',
    approved: FILL.approved,
    effective: FILL.effective,
    act: FILL.act,
    changes: 'Первая редакция.',
    access: input.access ?? FILL.access,
    passport: {
      goals: [FILL.goal],
      summary: FILL.summary,
      responsibleForApplication: { unit: input.unit },
      responsibleForDevelopment: { unit: input.unit },
      scope: [{ name: FILL.scope }],
    },
    references: [],
  };
  return `${frontmatter(data)}
## 1. Общие положения

${FILL.body}

## 2. Термины, определения и роли

<RolesTable />

## 3. Нормативные ссылки

<NormativeReferences />
`;
}

export interface NewAppendix {
  number: number;
  title: string;
}

export function appendixText(input: NewAppendix): string {
  return `${frontmatter({ number: input.number, title: input.title })}
${FILL.body}
`;
}
