/**
 * The Helm chart, checked without `helm` (not installed here): values.yaml and every example values file
 * (merged over values.yaml, as Helm merges them) validate against values.schema.json; the schema refuses
 * what the templates would `fail` on; every `.Values.x` a template reads exists in values.yaml and every
 * value there is documented by the schema; and the environment the chart gives the container names only
 * variables the provisioner reads.
 */
import { expect } from 'chai';
import { readFile, readdir } from 'node:fs/promises';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ENV_VARIABLES } from '../../src/config/env.codec.js';
import { repoRoot } from '../support/child-cli.js';

const chart = `${repoRoot}deploy/helm/airbyte-provisioner/`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Values = { [key: string]: Json };

const isObject = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Helm's merge of a values file over the chart's values: objects key by key, anything else replaced. */
const merge = (base: Values, over: Values): Values =>
  Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(over)])].map((key) => {
      const [b, o] = [base[key], over[key]];
      if (o === undefined) return [key, b!];
      return [key, isObject(b) && isObject(o) ? merge(b, o) : o];
    }),
  );

const readYaml = async (path: string): Promise<Values> => parse(await readFile(path, 'utf8')) as Values;

/** Every key path of a values tree, objects descended into (a list or a scalar ends a path). */
const keyPaths = (values: Values, prefix: string[] = []): string[][] =>
  Object.entries(values).flatMap(([key, value]) => [
    [...prefix, key],
    ...(isObject(value) && Object.keys(value).length > 0 ? keyPaths(value, [...prefix, key]) : []),
  ]);

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Record<string, SchemaNode>;
}

describe('Helm chart deploy/helm/airbyte-provisioner', () => {
  let values: Values;
  let schema: SchemaNode;
  let validate: ValidateFunction;
  let templates: ReadonlyArray<{ name: string; text: string }>;

  before(async () => {
    values = await readYaml(`${chart}values.yaml`);
    schema = JSON.parse(await readFile(`${chart}values.schema.json`, 'utf8')) as SchemaNode;
    validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const names = (await readdir(`${chart}templates`)).filter((n) => /\.(yaml|tpl|txt)$/.test(n));
    templates = await Promise.all(
      names.map(async (name) => ({ name, text: await readFile(`${chart}templates/${name}`, 'utf8') })),
    );
  });

  const problems = (candidate: Values): string[] =>
    validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

  it('values.yaml validates against values.schema.json', () => {
    expect(problems(values)).to.deep.equal([]);
  });

  it('each example values file, merged over values.yaml, validates against the schema', async () => {
    const examples = (await readdir(`${chart}examples`)).filter((n) => n.endsWith('.yaml'));
    expect(examples.length).to.be.at.least(3);
    for (const example of examples) {
      const merged = merge(values, await readYaml(`${chart}examples/${example}`));
      expect(problems(merged), example).to.deep.equal([]);
    }
  });

  it('the schema refuses what could not run: replicas without a database, a database without a Secret, a misspelt or unsafe value', () => {
    const refused: ReadonlyArray<[string, Values]> = [
      ['two replicas without a database', { replicaCount: 2 }],
      ['a database without existingSecret', { database: { enabled: true } }],
      ['a misspelt variable', { config: { AIRBYTE_API_URI: 'http://airbyte:8000/api/public/v1' } }],
      [
        'credentials in the URL',
        { config: { AIRBYTE_API_URL: 'http://user:pw@airbyte:8000/api/public/v1' } },
      ],
      ['a workspace id that is no UUID', { config: { AIRBYTE_WORKSPACE_ID: 'default' } }],
      ['a root container', { securityContext: { runAsNonRoot: false } }],
      ['an unknown pull policy', { image: { pullPolicy: 'Sometimes' } }],
      ['an unknown top-level value', { replicas: 2 }],
    ];
    for (const [what, over] of refused) {
      expect(problems(merge(values, over)), what).not.to.deep.equal([]);
    }
    expect(
      problems(
        merge(values, { replicaCount: 3, database: { enabled: true }, existingSecret: 'provisioner' }),
      ),
    ).to.deep.equal([]);
  });

  it('every template opens and closes its blocks in order (what helm would refuse to parse)', () => {
    for (const { name, text } of templates) {
      const actions = [...text.matchAll(/\{\{-?\s*(if|with|range|define|else|end)\b/g)].map((m) => m[1]!);
      const open: string[] = [];
      for (const action of actions) {
        if (action === 'end') expect(open.pop(), `${name}: an end without a block`).not.to.equal(undefined);
        else if (action === 'else')
          expect(open.at(-1), `${name}: else outside if/with/range`).to.match(/^(if|with|range)$/);
        else open.push(action);
      }
      expect(open, `${name}: blocks left open`).to.deep.equal([]);
      expect(text.split('{{').length, `${name}: as many {{ as }}`).to.equal(text.split('}}').length);
    }
  });

  it('every .Values path a template reads exists in values.yaml', () => {
    const known = new Set(keyPaths(values).map((path) => path.join('.')));
    const read = templates.flatMap(({ name, text }) =>
      [...text.matchAll(/\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)].map((m) => ({
        name,
        path: m[1]!.slice(1),
      })),
    );
    expect(read.length).to.be.above(30);
    expect(read.filter(({ path }) => !known.has(path))).to.deep.equal([]);
    // nothing in values.yaml that no template reads (a value that does nothing misleads)
    const readPaths = new Set(read.map(({ path }) => path));
    const unread = keyPaths(values)
      .map((path) => path.join('.'))
      .filter(
        (path) =>
          ![...readPaths].some((r) => r === path || r.startsWith(`${path}.`) || path.startsWith(`${r}.`)),
      );
    expect(unread).to.deep.equal([]);
  });

  it('the schema documents every value of values.yaml down to the second level, and knows the deeper ones', () => {
    const node = (path: ReadonlyArray<string>): SchemaNode | undefined =>
      path.reduce<SchemaNode | undefined>((at, key) => at?.properties?.[key], schema);
    const undocumented = keyPaths(values)
      .filter((path) => !isSchemaOpen(schema, path))
      .filter((path) => (path.length <= 2 ? node(path)?.description === undefined : node(path) === undefined))
      .map((path) => path.join('.'));
    expect(undocumented).to.deep.equal([]);
  });

  it('the container gets only variables the provisioner reads; the secrets come from the Secret only', () => {
    const deployment = templates.find(({ name }) => name === 'deployment.yaml')!.text;
    const fixed = [...deployment.matchAll(/- name: ([A-Z][A-Z0-9_]*)$/gm)].map((m) => m[1]!);
    const config = Object.keys(values['config'] as Values);
    const secret = Object.keys(values['secretKeys'] as Values);
    const unknown = [...fixed, ...config, ...secret].filter((name) => !ENV_VARIABLES.includes(name as never));
    // the durable-state work (PostgreSQL) adds these two to the provisioner; nothing else may be unknown
    expect(unknown.filter((name) => !['DATABASE_URL', 'STATE_ENCRYPTION_KEY'].includes(name))).to.deep.equal(
      [],
    );
    expect(fixed).to.include.members(['PORT', 'HOST', 'SHUTDOWN_GRACE_MS', 'PROVISIONER_CONFIG']);
    const secrets = [
      'AIRBYTE_CLIENT_SECRET',
      'AIRBYTE_TOKEN',
      'AIRBYTE_PASSWORD',
      'API_TOKEN',
      'SNOWFLAKE_PASSWORD',
    ];
    expect(secret).to.include.members([
      ...secrets,
      'SECRET_FINGERPRINT_KEY',
      'DATABASE_URL',
      'STATE_ENCRYPTION_KEY',
    ]);
    expect(config.filter((name) => secrets.includes(name))).to.deep.equal([]);
  });

  it('probes /health and /ready, and gives the pod longer than the drain to stop', () => {
    const probe = (name: string): string => ((values[name] as Values)['httpGet'] as Values)['path'] as string;
    expect([probe('livenessProbe'), probe('readinessProbe'), probe('startupProbe')]).to.deep.equal([
      '/health',
      '/ready',
      '/health',
    ]);
    const drainMs = (values['shutdownGraceMs'] as number) + (values['preStopSleepSeconds'] as number) * 1000;
    expect((values['terminationGracePeriodSeconds'] as number) * 1000).to.be.above(drainMs);
    const checks = templates.find(({ name }) => name === '_helpers.tpl')!.text;
    expect(checks).to.match(/fail \(printf "replicaCount is %d, but without a database/);
    expect(checks).to.match(/fail \(printf "terminationGracePeriodSeconds/);
    expect(templates.find(({ name }) => name === 'deployment.yaml')!.text).to.match(
      /^\{\{- include "airbyte-provisioner\.checks" \. \}\}/,
    );
  });
});

/** Whether the schema node of the path's parent is an open Kubernetes object (no listed properties). */
const isSchemaOpen = (schema: SchemaNode, path: ReadonlyArray<string>): boolean => {
  let node: SchemaNode | undefined = schema;
  for (const key of path.slice(0, -1)) {
    node = node?.properties?.[key];
    if (node !== undefined && node.properties === undefined) return true;
  }
  return false;
};
