import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { witboostExampleDescriptor } from '../../src/descriptor/index.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import { AT, COMPONENT_ID, componentsOf, descriptorWith, validate, type Tree } from './fixtures.js';

describe('validateProvisioningRequest: the request and the component descriptor', () => {
  it('accepts the Witboost example and resolves it into the desired File -> Snowflake workload', () => {
    expect(validate(witboostExampleDescriptor)).to.deep.equal(
      E.right({
        dataProduct: {
          id: 'urn:dmb:dp:healthcare:vaccinations:0',
          name: 'Vaccinations',
          domain: 'healthcare',
          environment: 'development',
          version: '0.1.0',
        },
        componentId: COMPONENT_ID,
        componentName: 'Airbyte Workload',
        desired: {
          source: {
            name: 'healthcare.vaccinations.0.File',
            connector: { _tag: 'ConnectorType', connectorType: 'file' },
            configuration: {
              url: 'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
              format: 'csv',
              provider: { storage: 'HTTPS', user_agent: false },
              dataset_name: 'epidemiology',
            },
            secretPaths: [],
          },
          destination: {
            name: 'healthcare.vaccinations.0.Snowflake',
            connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
            configuration: { database: 'HEALTHCARE', schema: 'VACCINATIONS_0' },
            secretPaths: [],
          },
          connection: {
            name: 'healthcare.vaccinations.0.File-to-Snowflake',
            streams: { _tag: 'All' },
            schedule: { scheduleType: 'manual' },
            status: 'active',
            syncOnProvision: 'never',
          },
        },
        warnings: [],
        previous: O.none,
      }),
    );
  });

  for (const kind of ['DATAPRODUCT_DESCRIPTOR', 'DATAPRODUCT_DESCRIPTOR_WITH_RESULTS'] as const) {
    it(`rejects ${kind}, asking for COMPONENT_DESCRIPTOR`, () => {
      const result = validateProvisioningRequest(noConnectorProfiles)({
        descriptorKind: kind,
        descriptor: witboostExampleDescriptor,
      });
      expect(result).to.deep.equal(
        E.left([
          {
            path: 'descriptorKind',
            message: `${kind} is not supported by this provisioner: send COMPONENT_DESCRIPTOR (the data product and componentIdToProvision)`,
          },
        ]),
      );
    });
  }

  it('reports a YAML syntax error with its line and column', () => {
    expect(validate('dataProduct:\n  id: x\n  components: [1, 2\ncomponentIdToProvision: x\n')).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message:
            'is not valid YAML at line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]),
    );
  });

  it('reports a duplicated key as a YAML error', () => {
    expect(validate('a: 1\na: 2\n')).to.deep.equal(
      E.left([
        { path: 'descriptor', message: 'is not valid YAML at line 2, column 1: Map keys must be unique' },
      ]),
    );
  });

  for (const [label, text] of [
    ['a list', '- a\n- b\n'],
    ['a scalar', 'just words'],
    ['empty', ''],
    ['null', 'null'],
  ] as const) {
    it(`rejects a descriptor that is ${label}, not a mapping`, () => {
      expect(validate(text)).to.deep.equal(
        E.left([
          {
            path: 'descriptor',
            message: 'must be a YAML mapping with dataProduct and componentIdToProvision',
          },
        ]),
      );
    });
  }

  it('requires componentIdToProvision', () => {
    const text = descriptorWith((tree) => delete tree['componentIdToProvision']);
    expect(validate(text)).to.deep.equal(
      E.left([{ path: 'componentIdToProvision', message: 'is required (a non-empty string)' }]),
    );
  });

  it('rejects a blank componentIdToProvision', () => {
    const text = descriptorWith((tree) => (tree['componentIdToProvision'] = '  '));
    expect(validate(text)).to.deep.equal(
      E.left([{ path: 'componentIdToProvision', message: 'must be a non-empty string, got "  "' }]),
    );
  });

  it('reports every problem of the data product header at once', () => {
    const text = descriptorWith((tree) => {
      const dp = tree['dataProduct'] as Tree;
      delete dp['id'];
      dp['components'] = 'none';
      dp['name'] = 3;
      tree['componentIdToProvision'] = 7;
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        { path: 'dataProduct.id', message: 'is required (a non-empty string)' },
        { path: 'dataProduct.components', message: 'must be a list of components, got "none"' },
        {
          path: 'dataProduct.name',
          message: 'must be a string (quote values such as "1.0" so YAML keeps them as text), got 3',
        },
        { path: 'componentIdToProvision', message: 'must be a non-empty string, got 7' },
      ]),
    );
  });

  it('reports header problems together with the problems of the component to provision', () => {
    const text = descriptorWith((tree) => {
      const dp = tree['dataProduct'] as Tree;
      delete dp['id'];
      dp['version'] = 1.5;
      const component = componentsOf(tree)[0]!;
      component['kind'] = 'outputport';
      ((component['specific'] as Tree)['connection'] as Tree)['status'] = 'paused';
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        { path: 'dataProduct.id', message: 'is required (a non-empty string)' },
        {
          path: 'dataProduct.version',
          message: 'must be a string (quote values such as "1.0" so YAML keeps them as text), got 1.5',
        },
        { path: `${AT}.kind`, message: 'must be workload for the Airbyte provisioner; got "outputport"' },
        {
          path: `${AT}.specific.connection.status`,
          message: 'must be one of "active", "inactive", got "paused"',
        },
      ]),
    );
  });

  it("reports the component's own header problems together with its workload's", () => {
    const text = descriptorWith((tree) => {
      const component = componentsOf(tree)[0]!;
      delete component['kind'];
      component['name'] = 7;
      ((component['specific'] as Tree)['source'] as Tree)['name'] = '';
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        { path: `${AT}.kind`, message: 'is required (a non-empty string)' },
        {
          path: `${AT}.name`,
          message: 'must be a string (quote values such as "1.0" so YAML keeps them as text), got 7',
        },
        { path: `${AT}.specific.source.name`, message: 'must be a non-empty string, got ""' },
      ]),
    );
  });

  it('reports header problems together with a component id that matches nothing', () => {
    const text = descriptorWith((tree) => {
      (tree['dataProduct'] as Tree)['name'] = ['x'];
      tree['componentIdToProvision'] = 'urn:dmb:cmp:nowhere';
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'dataProduct.name',
          message: 'must be a string (quote values such as "1.0" so YAML keeps them as text), got a list',
        },
        {
          path: 'componentIdToProvision',
          message: 'no component of dataProduct.components has the id "urn:dmb:cmp:nowhere"',
        },
      ]),
    );
  });

  it('answers an internal failure with a problem instead of throwing', () => {
    const broken = {
      get sources(): never {
        throw new Error('a bug');
      },
      destinations: {},
    };
    expect(
      validateProvisioningRequest(broken)({
        descriptorKind: 'COMPONENT_DESCRIPTOR',
        descriptor: witboostExampleDescriptor,
      }),
    ).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message:
            'could not be validated because of an internal error of the provisioner; please report this descriptor',
        },
      ]),
    );
  });

  it('says what dataProduct must be when it is not a mapping', () => {
    const text = descriptorWith((tree) => (tree['dataProduct'] = ['a list']));
    expect(validate(text)).to.deep.equal(
      E.left([{ path: 'dataProduct', message: 'must be a mapping with id and components, got a list' }]),
    );
  });

  it('says what the component to provision must be when its kind is blank', () => {
    const text = descriptorWith((tree) => (componentsOf(tree)[0]!['kind'] = ' '));
    expect(validate(text)).to.deep.equal(
      E.left([{ path: `${AT}.kind`, message: 'must be a non-empty string, got " "' }]),
    );
  });

  it('reports a componentIdToProvision that matches no component', () => {
    const text = descriptorWith((tree) => (tree['componentIdToProvision'] = 'urn:dmb:cmp:other'));
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'componentIdToProvision',
          message: 'no component of dataProduct.components has the id "urn:dmb:cmp:other"',
        },
      ]),
    );
  });

  it('quotes an id as JSON, so that a line break or a quote in it never breaks the message', () => {
    const text = descriptorWith((tree) => (tree['componentIdToProvision'] = 'a"b\nc'));
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'componentIdToProvision',
          message: 'no component of dataProduct.components has the id "a\\"b\\nc"',
        },
      ]),
    );
  });

  it('reports several components with the id to provision, listing where they are', () => {
    const text = descriptorWith((tree) => {
      const components = componentsOf(tree);
      components.push({ kind: 'outputport', id: 'urn:dmb:cmp:op' }, { ...components[0]! });
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'componentIdToProvision',
          message: `2 components have the id "${COMPONENT_ID}" (dataProduct.components[0], [2]); ids must be unique`,
        },
      ]),
    );
  });

  it('finds the component wherever it is among others, and reports paths at its index', () => {
    const text = descriptorWith((tree) => {
      const components = componentsOf(tree);
      const workload = components[0]!;
      (workload['specific'] as Tree)['source'] = 'nope';
      components.unshift({ kind: 'outputport', id: 'urn:dmb:cmp:op', specific: { whatever: 1 } });
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'dataProduct.components[1].specific.source',
          message: 'must be a mapping with name and connectionConfiguration, got "nope"',
        },
      ]),
    );
  });

  it('rejects a component whose kind is not workload, together with its other problems', () => {
    const text = descriptorWith((tree) => (componentsOf(tree)[0]!['kind'] = 'outputport'));
    expect(validate(text)).to.deep.equal(
      E.left([
        { path: `${AT}.kind`, message: 'must be workload for the Airbyte provisioner; got "outputport"' },
      ]),
    );
  });

  it('tells a component with no Airbyte part, and no specific at all, in one problem naming its kind and template', () => {
    const text = descriptorWith((tree) => {
      const component = componentsOf(tree)[0]!;
      component['kind'] = 'outputport';
      delete component['specific'];
    });
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: `${AT}.specific`,
          message:
            'does not look like an Airbyte workload: it declares none of source, destination and connection (kind "outputport", technology "airbyte", useCaseTemplateId "urn:dmb:utm:airbyte-standard:0.0.0", infrastructureTemplateId "urn:dmb:itm:airbyte-provisioner:0"). This provisioner deploys components made from the Airbyte workload template; check that componentIdToProvision names one',
        },
      ]),
    );
  });

  it('requires the component kind', () => {
    const text = descriptorWith((tree) => delete componentsOf(tree)[0]!['kind']);
    expect(validate(text)).to.deep.equal(
      E.left([{ path: `${AT}.kind`, message: 'is required (a non-empty string)' }]),
    );
  });

  it('requires specific, telling that a component without one is no Airbyte workload', () => {
    const text = descriptorWith((tree) => delete componentsOf(tree)[0]!['specific']);
    const result = validate(text);
    expect(E.isLeft(result) && result.left.map((p) => p.path)).to.deep.equal([`${AT}.specific`]);
    expect(E.isLeft(result) && result.left[0]!.message).to.match(/^does not look like an Airbyte workload/);
  });

  it('tolerates unknown header and component fields', () => {
    const text = descriptorWith((tree) => {
      (tree['dataProduct'] as Tree)['futureField'] = { nested: [1, 2] };
      componentsOf(tree)[0]!['anotherField'] = 'x';
      tree['extra'] = true;
    });
    expect(E.isRight(validate(text))).to.equal(true);
  });

  it('leaves absent optional header fields out of the result', () => {
    const text = descriptorWith((tree) => {
      const dp = tree['dataProduct'] as Tree;
      for (const key of ['name', 'domain', 'environment', 'version']) delete dp[key];
      delete componentsOf(tree)[0]!['name'];
    });
    const result = validate(text);
    expect(E.isRight(result) && result.right.dataProduct).to.deep.equal({
      id: 'urn:dmb:dp:healthcare:vaccinations:0',
    });
    expect(E.isRight(result) && 'componentName' in result.right).to.equal(false);
  });

  it('accepts a descriptor laid out like the Witboost Airbyte provisioner docs, with null and empty header fields', () => {
    // the layout of the original provisioner's examples: a dbt-flavoured workload header, informationSLA
    // null, billing {}, and platform settings (host, warehouse) written in the descriptor itself
    const text = `dataProduct:
  id: urn:dmb:dp:finance:payments:1
  kind: dataproduct
  name: Payments
  domain: finance
  environment: qa
  version: 1.2.0
  informationSLA: null
  billing: {}
  tags: []
  specific: {}
  components:
    - kind: workload
      id: urn:dmb:cmp:finance:payments:1:ingest
      name: Payments ingest
      technology: airbyte
      version: 0.0.1
      dependsOn:
        - urn:dmb:cmp:finance:payments:1:storage
      readsFrom: []
      tags: []
      specific:
        source:
          name: Payments CSV
          connectionConfiguration:
            url: https://example.com/exports/payments.csv
            format: csv
            provider:
              storage: HTTPS
              user_agent: false
            dataset_name: payments
        destination:
          name: Payments Snowflake
          connectionConfiguration:
            host: account.snowflakecomputing.com
            warehouse: LOAD_WH
            database: FINANCE
            schema: PAYMENTS
        connection:
          name: Payments CSV <> Snowflake
          dbtGitUrl: https://git.example.com/finance/payments-dbt.git
componentIdToProvision: urn:dmb:cmp:finance:payments:1:ingest
`;
    const result = validate(text);
    expect(E.isRight(result) && result.right.desired.destination.configuration).to.deep.equal({
      host: 'account.snowflakecomputing.com',
      warehouse: 'LOAD_WH',
      database: 'FINANCE',
      schema: 'PAYMENTS',
    });
    expect(E.isRight(result) && result.right.warnings).to.deep.equal([
      'dataProduct.components[0].specific.connection.dbtGitUrl is accepted for compatibility and ignored: this provisioner runs no dbt transformation',
    ]);
  });

  it('reports the missing parts of a specific that has one of them, at once', () => {
    const text = descriptorWith((tree) => {
      const specific = componentsOf(tree)[0]!['specific'] as Tree;
      delete specific['source'];
      delete specific['destination'];
    });
    expect(validate(text)).to.deep.equal(
      E.left(
        ['source', 'destination'].map((part) => ({
          path: `${AT}.specific.${part}`,
          message: 'is required (a mapping with name and connectionConfiguration)',
        })),
      ),
    );
  });
});
