import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { parseRequestFile, problem } from '@airbyte-provisioner/core';
import { locatedProblems } from '../../src/output/problem-lines.js';
import { renderProblems } from '../../src/output/render.js';

describe('problems located in their file', () => {
  it('gives a YAML syntax error its file:line:column, the position taken out of the message', () => {
    const text = 'dataProduct:\n  id: x\n  components: [\n';
    const parsed = parseRequestFile(text);
    if (E.isRight(parsed)) throw new Error('expected a YAML problem');
    const [line] = locatedProblems(parsed.left, { file: 'd.yaml', text });
    expect(line).to.match(/^d\.yaml:\d+:\d+: is not valid YAML: /);
    expect(line).to.not.match(/at line \d+, column \d+/);
  });

  it('names standard input, and leaves a problem without a position at the file', () => {
    expect(locatedProblems([problem('', 'is empty')], { file: '-', text: '' })).to.deep.equal([
      '<stdin>: is empty',
    ]);
    expect(
      renderProblems('x is invalid', [problem('a.b', 'is required')], {
        file: 'x.yaml',
        text: 'a:\n  c: 1\n',
      }),
    ).to.equal('x is invalid (1 problem):\n  - x.yaml:1:1: a.b: is required\n');
  });

  it('puts the position inside an embedded descriptor after the message', () => {
    expect(
      locatedProblems([problem('a.c', 'is wrong')], { file: 'r.json', text: 'a:\n  c: 1\n', embedded: true }),
    ).to.deep.equal(['r.json: a.c: is wrong (descriptor line 2, column 6)']);
  });
});
