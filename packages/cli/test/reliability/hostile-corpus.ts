/**
 * A generated corpus of malformed or hostile request bodies. None of them is a valid provisioning request,
 * so no route may act on any of them.
 */
import { descriptorOf, requestOf } from './descriptors.js';

export interface HostileBody {
  readonly name: string;
  readonly body: string;
  /** Well-formed JSON with the request's fields: validate routes answer it with `valid: false`. */
  readonly wellFormed: boolean;
  /** Megabytes: sent to a couple of routes only, to keep the suite quick. */
  readonly huge?: boolean;
}

const valid = requestOf({ key: 'hostile' });
const yaml = descriptorOf({ key: 'hostile' });
const withDescriptor = (descriptor: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor, removeData: false, ...extra });

const truncations = (): HostileBody[] =>
  Array.from({ length: 100 }, (_, i) => {
    const at = Math.floor(((i + 1) * (valid.length - 2)) / 101);
    return { name: `JSON truncated at ${at}`, body: valid.slice(0, at), wellFormed: false };
  });

// cut before the end: the last line names the component to provision, so every cut is invalid
const yamlTruncations = (): HostileBody[] =>
  Array.from({ length: 50 }, (_, i) => {
    const at = Math.floor(((i + 1) * (yaml.length - 3)) / 51);
    return {
      name: `descriptor truncated at ${at}`,
      body: withDescriptor(yaml.slice(0, at)),
      wellFormed: true,
    };
  });

const SWAPS: ReadonlyArray<unknown> = [null, 0, -1.5, true, [], {}, [yaml], { yaml }];

const typeSwaps = (): HostileBody[] => [
  ...SWAPS.map((v) => ({
    name: `descriptorKind as ${JSON.stringify(v)?.slice(0, 20)}`,
    body: JSON.stringify({ descriptorKind: v, descriptor: yaml, removeData: false }),
    wellFormed: false,
  })),
  ...SWAPS.map((v) => ({
    name: `descriptor as ${JSON.stringify(v)?.slice(0, 20)}`,
    body: withDescriptor(v),
    wellFormed: false,
  })),
  ...SWAPS.filter((v) => typeof v !== 'boolean').map((v) => ({
    name: `removeData as ${JSON.stringify(v)?.slice(0, 20)}`,
    body: withDescriptor(yaml, { removeData: v }),
    wellFormed: false,
  })),
  ...['null', '42', '"text"', '[]', 'true', '[{}]', '{}', ''].map((body) => ({
    name: `body ${body || '(empty)'}`,
    body,
    wellFormed: false,
  })),
  {
    name: 'descriptorKind unknown',
    body: JSON.stringify({ descriptorKind: 'NOT_A_KIND', descriptor: yaml }),
    wellFormed: false,
  },
  {
    name: 'descriptor missing',
    body: JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR' }),
    wellFormed: false,
  },
];

const nestedYaml = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const nestedMapping = (depth: number): string =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1';
const nestedJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const aliasBomb = (levels: number, width: number): string => {
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= levels; i += 1)
    lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\ncomponentIdToProvision: *a${levels}\n`;
};

const ODD_IDS: ReadonlyArray<string> = [
  'urn:dmb:cmp:\u202Eevil\u202C',
  'urn:\u200Bdmb\u200D:cmp',
  '\uFEFFurn:dmb:cmp:healthcare',
  'urn:dmb:cmp:\uD800lone',
  'urn:dmb:cmp:\uDFFFlone',
  'urn:dmb:cmp:e\u0301\u0301\u0301\u0301\u0301',
  'urn:dmb:cmp:😀🚀👩‍👩‍👧',
  'urn:dmb:cmp:\u0000null',
  'urn:dmb:cmp:\u001b[31mred',
  'ｕｒｎ：ｄｍｂ：ｃｍｐ',
];

const hostileDescriptors = (): HostileBody[] => [
  ...[100, 1000, 20_000].map((d) => ({
    name: `flow nesting ${d}`,
    body: withDescriptor(nestedYaml(d)),
    wellFormed: true,
  })),
  ...[100, 1000, 3000].map((d) => ({
    name: `mapping nesting ${d}`,
    body: withDescriptor(nestedMapping(d)),
    wellFormed: true,
  })),
  ...[1000, 50_000].map((d) => ({ name: `JSON body nesting ${d}`, body: nestedJson(d), wellFormed: false })),
  ...[
    [9, 9],
    [12, 4],
    [30, 2],
  ].map(([levels = 0, width = 0]) => ({
    name: `alias bomb ${levels}x${width}`,
    body: withDescriptor(aliasBomb(levels, width)),
    wellFormed: true,
  })),
  ...ODD_IDS.map((id, i) => ({
    name: `odd unicode component id #${i}`,
    body: withDescriptor(
      yaml.replace(/^componentIdToProvision: .*$/m, `componentIdToProvision: "${id.replaceAll('"', '')}"`),
    ),
    wellFormed: true,
  })),
  ...ODD_IDS.map((id, i) => ({
    name: `odd unicode whole descriptor #${i}`,
    body: withDescriptor(id),
    wellFormed: true,
  })),
  {
    name: 'null byte in descriptorKind',
    body: JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR\u0000', descriptor: yaml }),
    wellFormed: false,
  },
  { name: 'null bytes descriptor', body: withDescriptor('\u0000'.repeat(1000)), wellFormed: true },
  {
    name: 'null byte in a key',
    body: withDescriptor(yaml.replace('dataProduct:', 'dataProduct\u0000:')),
    wellFormed: true,
  },
  {
    name: 'null byte in the JSON key',
    body: `{"descriptorKind\\u0000":"COMPONENT_DESCRIPTOR","descriptor":${JSON.stringify(yaml)}}`,
    wellFormed: false,
  },
  {
    name: 'raw control bytes',
    body: '{"descriptorKind":"\u0001\u0002","descriptor":"\u0003"}',
    wellFormed: false,
  },
  {
    name: '!!binary tag',
    body: withDescriptor(`dataProduct: !!binary aGVsbG8=\ncomponentIdToProvision: x\n`),
    wellFormed: true,
  },
  {
    name: 'js function tag',
    body: withDescriptor(`dataProduct: !!js/function "function(){}"\n`),
    wellFormed: true,
  },
  { name: 'duplicate keys', body: withDescriptor(`${yaml}dataProduct: {}\n`), wellFormed: true },
  {
    name: 'merge key',
    body: withDescriptor(`base: &b {id: x}\ndataProduct:\n  <<: *b\ncomponentIdToProvision: x\n`),
    wellFormed: true,
  },
  { name: 'complex key', body: withDescriptor(`? [a, b]\n: c\n`), wellFormed: true },
  { name: 'multi-document', body: withDescriptor(`${yaml}---\n${yaml}`), wellFormed: true },
  {
    name: '__proto__ in the body',
    body: '{"__proto__":{"descriptorKind":"COMPONENT_DESCRIPTOR"},"descriptor":"x"}',
    wellFormed: false,
  },
  {
    name: '__proto__ in the descriptor',
    body: withDescriptor(`__proto__:\n  polluted: true\ncomponentIdToProvision: x\n`),
    wellFormed: true,
  },
  {
    name: 'constructor.prototype',
    body: withDescriptor(`constructor:\n  prototype:\n    polluted: true\n`),
    wellFormed: true,
  },
  {
    name: 'huge descriptor (1.5 MB)',
    body: withDescriptor(`x: "${'a'.repeat(1_500_000)}"\n`),
    wellFormed: true,
    huge: true,
  },
  {
    name: 'huge body (6 MB)',
    body: withDescriptor('a'.repeat(6 * 1024 * 1024)),
    wellFormed: true,
    huge: true,
  },
  { name: 'huge key', body: withDescriptor(`${'k'.repeat(200_000)}: 1\n`), wellFormed: true },
  {
    name: 'many keys',
    body: withDescriptor(Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n')),
    wellFormed: true,
  },
  {
    name: 'huge removeData string',
    body: withDescriptor(yaml, { removeData: 'x'.repeat(100_000) }),
    wellFormed: false,
  },
];

export const hostileCorpus = (): ReadonlyArray<HostileBody> => [
  ...truncations(),
  ...yamlTruncations(),
  ...typeSwaps(),
  ...hostileDescriptors(),
];
