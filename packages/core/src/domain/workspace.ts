/**
 * Where a component's Airbyte resources live. `shared`: every component in the one configured workspace.
 * `per-data-product`: each data product in its own workspace, named from a template, so that Airbyte's
 * unit of isolation and of role-based access follows the data mesh's boundaries.
 */
import * as E from 'fp-ts/lib/Either.js';
import { problem, type Problem } from '../errors/problem.js';

/** What a name is made from: the data product's header fields, as the descriptor gives them. */
export interface DataProductNaming {
  readonly id: string;
  readonly name?: string;
  readonly domain?: string;
  readonly environment?: string;
  readonly version?: string;
}

export const workspaceModes = ['shared', 'per-data-product'] as const;

/** An Airbyte workspace as the domain needs it. */
export interface AirbyteWorkspace {
  readonly id: string;
  readonly name: string;
}

export const DEFAULT_WORKSPACE_NAME_TEMPLATE = '{domain}.{dataProductName}.{majorVersion}';

/** Each placeholder a template may hold, and where its value comes from in the descriptor. */
const PLACEHOLDERS = {
  domain: { path: 'dataProduct.domain', of: (dp: DataProductNaming) => dp.domain },
  dataProductName: { path: 'dataProduct.name', of: (dp: DataProductNaming) => dp.name },
  dataProductId: { path: 'dataProduct.id', of: (dp: DataProductNaming) => dp.id },
  environment: { path: 'dataProduct.environment', of: (dp: DataProductNaming) => dp.environment },
  majorVersion: {
    path: 'dataProduct.version',
    of: (dp: DataProductNaming) => /^\s*v?(\d+)/.exec(dp.version ?? '')?.[1],
  },
} as const;

type Placeholder = keyof typeof PLACEHOLDERS;
const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);

/** A checked template: literal text and placeholders, in order. */
export interface WorkspaceNameTemplate {
  readonly text: string;
  readonly parts: ReadonlyArray<{ readonly literal: string } | { readonly placeholder: Placeholder }>;
}

const WORKSPACE_NAME_PLACEHOLDERS: ReadonlyArray<string> = Object.keys(PLACEHOLDERS);

/**
 * Checks a template: every `{name}` a known placeholder, braces balanced, and the data product named
 * (`{dataProductName}` or `{dataProductId}`): without it, every data product would share one workspace.
 * The message names what is wrong; the caller names the setting.
 */
export const parseWorkspaceNameTemplate = (text: string): E.Either<string, WorkspaceNameTemplate> => {
  const parts: Array<WorkspaceNameTemplate['parts'][number]> = [];
  const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  const unknown: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const [, name, literal, stray] = match;
    if (stray !== undefined) return E.left(`unbalanced "${stray}" in "${text}"`);
    if (literal !== undefined) parts.push({ literal });
    else if (name !== undefined && isPlaceholder(name)) parts.push({ placeholder: name });
    else unknown.push(`{${name ?? ''}}`);
  }
  if (unknown.length > 0)
    return E.left(
      `unknown placeholder(s) ${unknown.join(', ')} in "${text}"; known: ${WORKSPACE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
    );
  if (
    !parts.some(
      (p) => 'placeholder' in p && (p.placeholder === 'dataProductName' || p.placeholder === 'dataProductId'),
    )
  )
    return E.left(
      `"${text}" does not name the data product: include {dataProductName} or {dataProductId}, or every data product would share one workspace`,
    );
  return E.right({ text, parts });
};

/** The workspace name of a data product; a value the template needs and the descriptor lacks is a problem at its path. */
export const workspaceNameOf = (
  template: WorkspaceNameTemplate,
  dataProduct: DataProductNaming,
): E.Either<ReadonlyArray<Problem>, string> => {
  const problems: Problem[] = [];
  const text = template.parts
    .map((part) => {
      if ('literal' in part) return part.literal;
      const { path, of } = PLACEHOLDERS[part.placeholder];
      const value = of(dataProduct)?.trim();
      if (value === undefined || value === '') {
        problems.push(
          problem(
            path,
            part.placeholder === 'majorVersion'
              ? `the workspace name template needs {majorVersion}: give the data product a version such as 1.0.0`
              : `the workspace name template needs {${part.placeholder}}: give the data product one`,
          ),
        );
        return '';
      }
      return value;
    })
    .join('');
  return problems.length > 0 ? E.left(problems) : E.right(text);
};
