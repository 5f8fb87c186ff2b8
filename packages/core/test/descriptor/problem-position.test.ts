import { expect } from 'chai';
import { problem } from '../../src/errors/problem.js';
import { pathSegments, problemPositions } from '../../src/descriptor/problem-position.js';

const text = [
  'dataProduct:', // 1
  '  components:', // 2
  '    - id: a', // 3
  '      specific:', // 4
  '        source:', // 5
  '          connectionConfiguration: {}', // 6
  '        connection:', // 7
  '          streams:', // 8
  '            - name: orders', // 9
  '              syncMode: sometimes', // 10
  'componentIdToProvision: a', // 11
].join('\n');

describe('problemPositions', () => {
  it('splits dot paths with indexes', () => {
    expect(pathSegments('a.b[2].c[0][1]')).to.deep.equal(['a', 'b', 2, 'c', 0, 1]);
    expect(pathSegments('')).to.deep.equal([]);
  });

  it('points at the value at the path, or at the key that lacks a required field', () => {
    expect(
      problemPositions(text, [
        problem('dataProduct.components[0].specific.connection.streams[0].syncMode', 'must be one of …'),
        problem('dataProduct.components[0].specific.source.name', 'is required'),
        problem('componentIdToProvision', 'is wrong'),
        problem('', 'is not a descriptor'),
        problem('descriptor', 'is not a descriptor'),
      ]),
    ).to.deep.equal([
      { line: 10, column: 25 },
      { line: 5, column: 9 },
      { line: 11, column: 25 },
      undefined,
      undefined,
    ]);
  });

  it('takes the position a syntax error gives, and strips a prefix such as descriptor', () => {
    expect(
      problemPositions('a: [', [problem('descriptor', 'is not valid YAML at line 1, column 5: Missing ]')]),
    ).to.deep.equal([{ line: 1, column: 5 }]);
    expect(
      problemPositions(
        text,
        [problem('descriptor.componentIdToProvision', 'x'), problem('other', 'y')],
        'descriptor',
      ),
    ).to.deep.equal([{ line: 11, column: 25 }, undefined]);
  });

  it('finds positions in JSON too', () => {
    expect(
      problemPositions('{\n  "descriptorKind": 3,\n  "x": 1\n}', [problem('descriptorKind', 'is wrong')]),
    ).to.deep.equal([{ line: 2, column: 21 }]);
  });

  it('does not parse again a text the safe parser refuses (nested too deep, an alias bomb)', () => {
    const deep = `a: ${'['.repeat(200_000)}`;
    expect(problemPositions(deep, [problem('a', 'is nested deeper than 64 levels')])).to.deep.equal([
      undefined,
    ]);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(problemPositions(bomb, [problem('b', 'uses aliases')])).to.deep.equal([undefined]);
  });

  it('gives no position in a text too large to be worth a second parse', () => {
    const large = `a: 1\nb: "${'x'.repeat(70 * 1024)}"\n`;
    expect(problemPositions(large, [problem('a', 'is wrong')])).to.deep.equal([undefined]);
    expect(problemPositions('a: 1\n', [problem('a', 'is wrong')])).to.deep.equal([{ line: 1, column: 4 }]);
  });
});
