import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import {
  DEFAULT_WORKSPACE_NAME_TEMPLATE,
  parseWorkspaceNameTemplate,
  workspaceNameOf,
  type WorkspaceNameTemplate,
} from '../../src/domain/workspace.js';

const parsed = (text: string): WorkspaceNameTemplate => {
  const result = parseWorkspaceNameTemplate(text);
  if (E.isLeft(result)) throw new Error(result.left);
  return result.right;
};

const dataProduct = {
  id: 'urn:dmb:dp:finance:orders:1',
  name: 'orders',
  domain: 'finance',
  environment: 'production',
  version: '1.4.2',
};

describe('workspace name template', () => {
  it('renders the default template from the domain, the name and the major version', () => {
    expect(workspaceNameOf(parsed(DEFAULT_WORKSPACE_NAME_TEMPLATE), dataProduct)).to.deep.equal(
      E.right('finance.orders.1'),
    );
  });

  it('renders every placeholder and keeps literal text', () => {
    expect(
      workspaceNameOf(parsed('dp-{dataProductId}@{environment}/v{majorVersion}'), {
        ...dataProduct,
        version: 'v2.0',
      }),
    ).to.deep.equal(E.right('dp-urn:dmb:dp:finance:orders:1@production/v2'));
  });

  it('rejects an unknown placeholder, naming it and the known ones', () => {
    const result = parseWorkspaceNameTemplate('{domain}.{dataProduct}.{minorVersion}');
    expect(E.isLeft(result) && result.left)
      .to.include('{dataProduct}, {minorVersion}')
      .and.include('{dataProductName}');
  });

  it('rejects unbalanced braces', () => {
    expect(parseWorkspaceNameTemplate('{domain.{dataProductName}')).to.deep.equal(
      E.left('unbalanced "{" in "{domain.{dataProductName}"'),
    );
    expect(parseWorkspaceNameTemplate('{dataProductName}}')).to.deep.equal(
      E.left('unbalanced "}" in "{dataProductName}}"'),
    );
  });

  it('rejects a template that does not name the data product (every data product would share it)', () => {
    const result = parseWorkspaceNameTemplate('{domain}.{majorVersion}');
    expect(E.isLeft(result) && result.left).to.include('include {dataProductName} or {dataProductId}');
  });

  it('names the descriptor field a placeholder needs and the data product lacks', () => {
    expect(
      workspaceNameOf(parsed(DEFAULT_WORKSPACE_NAME_TEMPLATE), {
        id: 'dp',
        name: 'orders',
        version: 'latest',
      }),
    ).to.deep.equal(
      E.left([
        {
          path: 'dataProduct.domain',
          message: 'the workspace name template needs {domain}: give the data product one',
        },
        {
          path: 'dataProduct.version',
          message:
            'the workspace name template needs {majorVersion}: give the data product a version such as 1.0.0',
        },
      ]),
    );
  });
});
