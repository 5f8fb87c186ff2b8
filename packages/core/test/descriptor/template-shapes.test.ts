import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import { AIRBYTE_NAME_MAX_CHARACTERS } from '../../src/descriptor/airbyte-names.js';
import type { ConnectorProfiles } from '../../src/domain/connector-profile.js';
import {
  AT,
  SPECIFIC,
  componentRequest,
  componentsOf,
  descriptorWith,
  specificWith,
  validate,
  type Tree,
} from './fixtures.js';

const warningsOf = (text: string): ReadonlyArray<string> => {
  const result = validate(text);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.warnings;
};

const destinationOf = (text: string, profiles?: ConnectorProfiles) => {
  const result =
    profiles === undefined ? validate(text) : validateProvisioningRequest(profiles)(componentRequest(text));
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.desired.destination.configuration;
};

const problemsOf = (text: string) => {
  const result = validate(text);
  return E.isLeft(result) ? result.left : [];
};

describe('validateProvisioningRequest: the shapes the Witboost template renders', () => {
  describe('dbtGitUrl', () => {
    for (const [label, value] of [
      ['null (what `dbtGitUrl:` reads as)', null],
      ['empty', ''],
      ['blank', '   '],
    ] as const) {
      it(`accepts it ${label}, without a warning`, () => {
        expect(warningsOf(specificWith((s) => (s.connection['dbtGitUrl'] = value)))).to.deep.equal([]);
      });
    }

    it('accepts it set, with the warning that it is ignored', () => {
      expect(
        warningsOf(specificWith((s) => (s.connection['dbtGitUrl'] = 'https://git.example.com/dbt.git'))),
      ).to.deep.equal([
        `${SPECIFIC}.connection.dbtGitUrl is accepted for compatibility and ignored: this provisioner runs no dbt transformation`,
      ]);
    });

    it('still refuses a value that is no text', () => {
      expect(problemsOf(specificWith((s) => (s.connection['dbtGitUrl'] = 3)))).to.deep.equal([
        { path: `${SPECIFIC}.connection.dbtGitUrl`, message: 'must be a string, got 3' },
      ]);
    });
  });

  describe('blank destination database and schema', () => {
    const blank = (value: unknown) =>
      specificWith((s) => {
        s.destination.connectionConfiguration['database'] = value;
        s.destination.connectionConfiguration['schema'] = value;
      });

    for (const value of [null, '', '  ']) {
      it(`default a ${JSON.stringify(value)} database to the domain and schema to NAME_<major>, uppercased`, () => {
        expect(destinationOf(blank(value))).to.deep.equal({
          database: 'HEALTHCARE',
          schema: 'VACCINATIONS_0',
        });
      });
    }

    it('default absent ones too, dropping spaces from the name and taking a URN domain’s last segment', () => {
      const text = descriptorWith((tree) => {
        const dataProduct = tree['dataProduct'] as Tree;
        dataProduct['domain'] = 'urn:dmb:dmn:finance';
        dataProduct['name'] = 'Card Payments';
        dataProduct['version'] = '12.3.1';
        const specific = componentsOf(tree)[0]!['specific'] as { destination: Tree };
        specific.destination['connectionConfiguration'] = {};
      });
      expect(destinationOf(text)).to.deep.equal({ database: 'FINANCE', schema: 'CARDPAYMENTS_12' });
    });

    it('keep what the descriptor sets', () => {
      expect(
        destinationOf(specificWith((s) => (s.destination.connectionConfiguration['schema'] = 'RAW'))),
      ).to.deep.equal({ database: 'HEALTHCARE', schema: 'RAW' });
    });

    it('give way to the profile’s defaults and enforced values', () => {
      const profiles: ConnectorProfiles = {
        sources: {},
        destinations: { snowflake: { defaults: { database: 'LANDING' }, enforced: { schema: 'PLATFORM' } } },
      };
      expect(destinationOf(blank(null), profiles)).to.deep.equal({ database: 'LANDING', schema: 'PLATFORM' });
    });

    it('are left to the connector when the data product says no domain, name or version', () => {
      const text = descriptorWith((tree) => {
        const dataProduct = tree['dataProduct'] as Tree;
        delete dataProduct['domain'];
        delete dataProduct['version'];
        const specific = componentsOf(tree)[0]!['specific'] as { destination: Tree };
        specific.destination['connectionConfiguration'] = { database: null, schema: '' };
      });
      expect(destinationOf(text)).to.deep.equal({});
    });

    it('are not given to a destination of another type', () => {
      const text = specificWith((s) => {
        s.destination['destinationType'] = 'postgres';
        s.destination.connectionConfiguration = { host: 'db', database: null };
      });
      expect(destinationOf(text)).to.deep.equal({ host: 'db' });
    });
  });

  describe('keys the original provisioner read', () => {
    it('are accepted, each with a warning that says what replaces it', () => {
      const text = specificWith((s) => {
        (s as unknown as Tree)['workspaceId'] = '7c2b8f4e-0000-4000-8000-000000000001';
        s.source['sourceDefinitionId'] = '778daa7c-feaf-4db6-96f3-70fd645acc77';
        s.destination['destinationDefinitionId'] = '424892c4-daac-4491-b35d-c6688ba547ba';
        s.connection['scheduleType'] = 'manual';
      });
      expect(warningsOf(text)).to.deep.equal([
        `${SPECIFIC}.workspaceId was read by the original provisioner and is ignored: the workspace is the provisioner’s own (AIRBYTE_WORKSPACE_ID), the same for every component`,
        `${SPECIFIC}.source.sourceDefinitionId was read by the original provisioner and is ignored: use source.sourceType (a connector type such as file, the default) or source.definitionId`,
        `${SPECIFIC}.destination.destinationDefinitionId was read by the original provisioner and is ignored: use destination.destinationType (a connector type such as snowflake, the default) or destination.definitionId`,
        `${SPECIFIC}.connection.scheduleType was read by the original provisioner and is ignored: use connection.schedule.scheduleType (manual, the default, or cron with connection.schedule.cronExpression)`,
      ]);
    });
  });

  describe('YAML 1.1 booleans', () => {
    for (const [text, value] of [
      ['yes', true],
      ['on', true],
      ['Y', true],
      ['no', false],
      ['OFF', false],
    ] as const) {
      it(`read syncOnProvision: ${text} as ${value}, with a warning naming the value`, () => {
        const result = validate(specificWith((s) => (s.connection['syncOnProvision'] = text)));
        // true is the first form of `always`, false of `never`
        expect(E.isRight(result) && result.right.desired.connection.syncOnProvision).to.equal(
          value ? 'always' : 'never',
        );
        expect(E.isRight(result) && result.right.warnings).to.deep.equal([
          `${SPECIFIC}.connection.syncOnProvision: "${text}" is a YAML 1.1 boolean and is read as ${value}; write ${value} (in YAML 1.2, which this provisioner reads, "${text}" is text)`,
        ]);
      });
    }
  });

  describe('technology and template ids', () => {
    it('never refuse a component for them alone (the original fixtures say technology: dbt)', () => {
      const text = descriptorWith((tree) => {
        const component = componentsOf(tree)[0]!;
        component['technology'] = 'dbt';
        component['useCaseTemplateId'] = 'urn:dmb:utm:dbt-transformation-template:0.0.0';
        component['infrastructureTemplateId'] = 'urn:dmb:itm:dbt-provisioner:1';
      });
      expect(validate(text)._tag).to.equal('Right');
    });
  });
});

describe('validateProvisioningRequest: names Airbyte can store', () => {
  const named = (name: string) => specificWith((s) => (s.source['name'] = name));

  for (const [label, name, position, what] of [
    ['a line feed', 'orders\nfile', 7, 'a line feed (U+000A)'],
    ['a tab', '\torders', 1, 'a tab (U+0009)'],
    ['a DEL', 'orders\u007f', 7, 'a control character (U+007F)'],
    ['a lone high surrogate', 'ord\ud800ers', 4, 'a lone UTF-16 surrogate (U+D800), which is no character'],
    ['a lone low surrogate', 'ord\udc00', 4, 'a lone UTF-16 surrogate (U+DC00), which is no character'],
    [
      'a right-to-left override',
      'invoice\u202Etxt.exe',
      8,
      'a bidirectional control character (U+202E), which makes a name display as another one',
    ],
    [
      'an isolate',
      'a\u2067b',
      2,
      'a bidirectional control character (U+2067), which makes a name display as another one',
    ],
  ] as const) {
    it(`refuses ${label}, naming the field and the character position`, () => {
      expect(problemsOf(named(name))).to.deep.equal([
        { path: `${SPECIFIC}.source.name`, message: `holds ${what} at character ${position}; remove it` },
      ]);
    });
  }

  it('counts a character outside the BMP (a surrogate pair) as one character, and accepts it', () => {
    const result = validate(named('orders 📦 file'));
    expect(result._tag).to.equal('Right');
    expect(problemsOf(named(`📦${'\n'}`))).to.deep.equal([
      { path: `${SPECIFIC}.source.name`, message: 'holds a line feed (U+000A) at character 2; remove it' },
    ]);
  });

  it(`accepts ${AIRBYTE_NAME_MAX_CHARACTERS} characters and refuses one more, for each of the three names`, () => {
    expect(validate(named('é'.repeat(AIRBYTE_NAME_MAX_CHARACTERS)))._tag).to.equal('Right');
    const long = 'x'.repeat(AIRBYTE_NAME_MAX_CHARACTERS + 1);
    const text = specificWith((s) => {
      s.source['name'] = long;
      s.destination['name'] = long;
      s.connection['name'] = long;
    });
    expect(problemsOf(text)).to.deep.equal(
      ['source', 'destination', 'connection'].map((kind) => ({
        path: `${SPECIFIC}.${kind}.name`,
        message: `is 257 characters long; Airbyte stores at most 256 characters of a name`,
      })),
    );
  });
});

describe('validateProvisioningRequest: two components of one data product with the same names', () => {
  const withTwin = (change: (twin: Tree) => void = () => undefined) =>
    descriptorWith((tree) => {
      const components = componentsOf(tree);
      const twin = structuredClone(components[0]!);
      twin['id'] = 'urn:dmb:cmp:healthcare:vaccinations:0:second-workload';
      change(twin);
      components.push(twin);
    });

  it('are refused, naming both paths for each shared name', () => {
    const twinId = 'urn:dmb:cmp:healthcare:vaccinations:0:second-workload';
    expect(problemsOf(withTwin())).to.deep.equal(
      ['source', 'destination', 'connection'].map((kind) => ({
        path: `${AT}.specific.${kind}.name`,
        message: `${JSON.stringify(`healthcare.vaccinations.0.${kind === 'source' ? 'File' : kind === 'destination' ? 'Snowflake' : 'File-to-Snowflake'}`)} is also the ${kind} name of dataProduct.components[1].specific.${kind}.name (component ${twinId}): both components would deploy into one Airbyte ${kind}, and removing either would remove it for both; give each component its own name`,
      })),
    );
  });

  it('are accepted when every name differs, and a component of another technology never clashes', () => {
    const text = withTwin((twin) => {
      const specific = twin['specific'] as Record<string, Tree>;
      for (const kind of ['source', 'destination', 'connection']) specific[kind]!['name'] = `second ${kind}`;
    });
    expect(validate(text)._tag).to.equal('Right');
    const other = withTwin((twin) => (twin['specific'] = { sql: 'select 1', name: 'x' }));
    expect(validate(other)._tag).to.equal('Right');
  });
});
