import { expect } from 'chai';
import { parseArguments } from '../src/harness/arguments.js';

describe('bench arguments', () => {
  it('reads --only and --compare, spaced or with =, after pnpm’s --', () => {
    expect(parseArguments(['--', '--only', 'scale,memory', '--compare=main'])).to.deep.equal({
      only: ['scale', 'memory'],
      compare: 'main',
    });
    expect(parseArguments([])).to.deep.equal({});
  });

  it('names an unknown argument or a missing value', () => {
    expect(() => parseArguments(['--fast'])).to.throw('unknown argument --fast');
    expect(() => parseArguments(['--compare'])).to.throw('--compare needs a value');
  });
});
