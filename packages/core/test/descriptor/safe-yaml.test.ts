import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { defaultYamlLimits, parseYamlSafely } from '../../src/descriptor/safe-yaml.js';
import { validate } from './fixtures.js';

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i]!;
    return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`;
  }),
].join('\n');

describe('parseYamlSafely: hostile input is a problem, never a throw', () => {
  it('parses plain YAML into plain values', () => {
    expect(parseYamlSafely('a: [1, "x", true, null]\nb: {c: 1.5}\n', 'd')).to.deep.equal(
      E.right({ a: [1, 'x', true, null], b: { c: 1.5 } }),
    );
  });

  it('expands a few aliases', () => {
    expect(parseYamlSafely('a: &x {k: v}\nb: *x\n', 'd')).to.deep.equal(
      E.right({ a: { k: 'v' }, b: { k: 'v' } }),
    );
  });

  it('refuses an alias bomb (billion laughs) through validateProvisioningRequest', () => {
    expect(validate(billionLaughs)).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message: 'uses aliases (*name) that expand beyond the limit of 100; write the values out instead',
        },
      ]),
    );
  });

  it('tells a mistake the parser reports twice only once', () => {
    expect(parseYamlSafely('? [[', 'd')).to.deep.equal(
      E.left([
        {
          path: 'd',
          message:
            'is not valid YAML at line 1, column 5: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]),
    );
  });

  it('refuses 10,000-deep flow nesting with one problem', () => {
    expect(validate('['.repeat(10_000) + ']'.repeat(10_000))).to.deep.equal(
      E.left([{ path: 'descriptor', message: 'is nested deeper than 64 levels' }]),
    );
  });

  // Nesting on one line cost the parser tens of seconds (flow) or the whole heap (block) within the size limit.
  for (const [label, text] of [
    ['flow collections', '['.repeat(900_000)],
    ['compact block sequences', '- '.repeat(450_000)],
    ['compact explicit keys', '? '.repeat(450_000)],
    ['flow mappings', '{a: '.repeat(220_000)],
  ] as const) {
    it(`refuses a near-limit input of nested ${label} before parsing it`, () => {
      expect(parseYamlSafely(text, 'd')).to.deep.equal(
        E.left([{ path: 'd', message: 'is nested deeper than 64 levels' }]),
      );
    });
  }

  it('still finds deep nesting in a block-style text full of empty collections and dashes', () => {
    const block = Array.from({ length: 500 }, (_, i) => `- id: c-${i}\n  tags: []\n  specific: {}`).join(
      '\n',
    );
    expect(E.isRight(parseYamlSafely(block, 'd'))).to.equal(true);
    for (const deep of [
      `${block}\n- nested: ${'['.repeat(70)}${']'.repeat(70)}`,
      `${block}\n${'- '.repeat(70)}x`,
      `${block}\n- {a: ${'{b: '.repeat(70)}1${'}'.repeat(71)}`,
    ]) {
      expect(parseYamlSafely(deep, 'd')).to.deep.equal(
        E.left([{ path: 'd', message: 'is nested deeper than 64 levels' }]),
      );
    }
  });

  it('accepts a flat flow mapping with many keys on one line', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}: [1, {b: 2}]`);
    const result = parseYamlSafely(`{${keys.join(', ')}}`, 'd');
    expect(E.isRight(result) && Object.keys(result.right as object).length).to.equal(200);
  });

  it('finds a duplicated key among many, in a nested mapping, with its position', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`);
    keys.push('  k7: again');
    expect(parseYamlSafely(`outer:\n${keys.join('\n')}\n`, 'd')).to.deep.equal(
      E.left([{ path: 'd', message: 'is not valid YAML at line 20002, column 3: Map keys must be unique' }]),
    );
  });

  it('refuses 10,000-deep block sequences with one problem', () => {
    expect(validate('- '.repeat(10_000) + 'x')).to.deep.equal(
      E.left([{ path: 'descriptor', message: 'is nested deeper than 64 levels' }]),
    );
  });

  it('refuses nesting just past the depth limit and accepts it at the limit', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(E.isRight(parseYamlSafely(nested(defaultYamlLimits.maxDepth), 'd'))).to.equal(true);
    expect(parseYamlSafely(nested(defaultYamlLimits.maxDepth + 1), 'd')).to.deep.equal(
      E.left([{ path: 'd', message: 'is nested deeper than 64 levels' }]),
    );
  });

  it('refuses an alias to no anchor, or to one defined after it, with its position', () => {
    expect(parseYamlSafely('a: &x 1\nb: *y\nc: *z\nz: &z 2\n', 'd')).to.deep.equal(
      E.left([
        {
          path: 'd',
          message:
            'is not valid YAML at line 2, column 4: the alias *y refers to no anchor &y defined before it',
        },
        {
          path: 'd',
          message:
            'is not valid YAML at line 3, column 4: the alias *z refers to no anchor &z defined before it',
        },
      ]),
    );
  });

  it('refuses a custom tag with its position', () => {
    expect(validate('a: !foo bar\n')).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message:
            'uses a YAML tag this provisioner does not accept at line 1, column 4: Unresolved tag: !foo',
        },
      ]),
    );
  });

  for (const [tag, value, column] of [
    ['binary', 'aGVsbG8=', 13],
    ['timestamp', '2001-12-14', 16],
    ['set', '{x}', 10],
  ] as const) {
    it(`refuses the YAML 1.1 tag !!${tag}, which yields a value JSON cannot hold`, () => {
      expect(parseYamlSafely(`a: !!${tag} ${value}\n`, 'd')).to.deep.equal(
        E.left([
          {
            path: 'd',
            message: `uses a YAML tag this provisioner does not accept at line 1, column ${column}: tag:yaml.org,2002:${tag}`,
          },
        ]),
      );
    });
  }

  it('accepts the core schema tags', () => {
    expect(parseYamlSafely('a: !!str 12\nb: !!int "3"\n', 'd')).to.deep.equal(E.right({ a: '12', b: 3 }));
  });

  it('refuses a list used as a mapping key', () => {
    expect(parseYamlSafely('? [a, b]\n: c\n', 'd')).to.deep.equal(
      E.left([
        {
          path: 'd',
          message: 'uses a list or mapping as a mapping key at line 1, column 3; keys must be plain values',
        },
      ]),
    );
  });

  it('refuses a NUL byte', () => {
    expect(validate('dataProduct:\n  id: "a\u0000b"\n')).to.deep.equal(
      E.left([{ path: 'descriptor', message: 'contains a NUL character, which YAML does not allow' }]),
    );
  });

  it('refuses a string over the size limit without parsing it', () => {
    const text = `a: "${'x'.repeat(defaultYamlLimits.maxBytes)}"`;
    expect(validate(text)).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message: `is ${text.length} bytes long (UTF-8); the limit is ${defaultYamlLimits.maxBytes} bytes`,
        },
      ]),
    );
  });

  it('applies the limits it is given', () => {
    const limits = { maxBytes: 10, maxAliasCount: 1, maxDepth: 2 };
    expect(parseYamlSafely('a: 12345678', 'd', limits)).to.deep.equal(
      E.left([{ path: 'd', message: 'is 11 bytes long (UTF-8); the limit is 10 bytes' }]),
    );
    // the limit is in bytes: 9 characters of which 4 take two bytes and one four
    expect(parseYamlSafely('a: "éé😀"', 'd', limits)).to.deep.equal(
      E.left([{ path: 'd', message: 'is 13 bytes long (UTF-8); the limit is 10 bytes' }]),
    );
    expect(E.isRight(parseYamlSafely('a: "é😀"', 'd', { ...limits, maxBytes: 11 }))).to.equal(true);
    // a lone high surrogate is 3 bytes (U+FFFD), and the é after it its own 2
    expect(parseYamlSafely('a: "\ud800é"', 'd', { ...limits, maxBytes: 9 })).to.deep.equal(
      E.left([
        {
          path: 'd',
          message: `is ${Buffer.byteLength('a: "\ud800é"')} bytes long (UTF-8); the limit is 9 bytes`,
        },
      ]),
    );
    expect(parseYamlSafely('a: [[1]]', 'd', limits)).to.deep.equal(
      E.left([{ path: 'd', message: 'is nested deeper than 2 levels' }]),
    );
    expect(parseYamlSafely('a: &x [1]\nb: [*x, *x, *x]', 'd', { ...limits, maxBytes: 100 })).to.deep.equal(
      E.left([
        {
          path: 'd',
          message: 'uses aliases (*name) that expand beyond the limit of 1; write the values out instead',
        },
      ]),
    );
  });

  it('reports every YAML syntax error with its position', () => {
    expect(parseYamlSafely('a: b: c\nd: [1\n', 'd')).to.deep.equal(
      E.left([
        {
          path: 'd',
          message:
            'is not valid YAML at line 1, column 4: Nested mappings are not allowed in compact mappings',
        },
        {
          path: 'd',
          message:
            'is not valid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]),
    );
  });

  it('refuses several YAML documents in one descriptor', () => {
    expect(validate('a: 1\n---\nb: 2\n')).to.deep.equal(
      E.left([
        {
          path: 'descriptor',
          message:
            'is not valid YAML at line 2, column 1: it holds several documents (separated by ---); send exactly one',
        },
      ]),
    );
  });

  it('lists the first 100 of a hundred thousand repeated mistakes and counts the rest', () => {
    const result = parseYamlSafely('a: 1\n'.repeat(100_001), 'd');
    const problems = E.isLeft(result) ? result.left : [];
    expect(problems).to.have.length(101);
    expect(problems[0]).to.deep.equal({
      path: 'd',
      message: 'is not valid YAML at line 2, column 1: Map keys must be unique',
    });
    expect(problems[100]).to.deep.equal({
      path: 'd',
      message: 'has 99900 more YAML problems like these (not listed)',
    });
  });

  it('reports an unclosed quote', () => {
    expect(parseYamlSafely('a: "open\nb: 1\n', 'd')).to.deep.equal(
      E.left([{ path: 'd', message: 'is not valid YAML at line 3, column 1: Missing closing "quote' }]),
    );
  });
});
