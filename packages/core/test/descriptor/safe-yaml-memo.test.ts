import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { parseYamlSafely } from '../../src/index.js';

describe('parseYamlSafely memo', () => {
  it('answers the same descriptor with the same frozen value, which no caller can change', () => {
    const text = `memo-test: { nested: [1, 2] }\nunique: ${Math.random()}`;
    const first = parseYamlSafely(text, 'descriptor');
    const second = parseYamlSafely(text, 'descriptor');
    expect(second).to.equal(first);
    const value = E.getOrElseW(() => ({}))(first) as { 'memo-test': { nested: number[] } };
    expect(() => value['memo-test'].nested.push(3)).to.throw(TypeError);
  });

  it('keeps problems per path, so a cached answer never names another field', () => {
    const text = 'a: [1';
    const left = parseYamlSafely(text, 'descriptor');
    const right = parseYamlSafely(text, 'latestEnrichedDescriptor');
    expect(E.isLeft(left) && left.left[0]?.path).to.equal('descriptor');
    expect(E.isLeft(right) && right.left[0]?.path).to.equal('latestEnrichedDescriptor');
  });
});
