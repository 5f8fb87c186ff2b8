import { expect } from 'chai';
import { normalizeCron } from '../../src/planner/index.js';

describe('normalizeCron', () => {
  it('drops the time zone Airbyte appends, so an unchanged cron schedule compares equal', () => {
    expect(normalizeCron('0 0 6 * * ? UTC')).to.equal(normalizeCron('0 0 6 * * ?'));
    expect(normalizeCron('  0 0 6  * * ?  ')).to.equal('0 0 6 * * ?');
  });

  it('keeps a year field and real differences', () => {
    expect(normalizeCron('0 0 6 * * ? 2030')).to.equal('0 0 6 * * ? 2030');
    expect(normalizeCron('0 0 7 * * ? UTC')).to.not.equal(normalizeCron('0 0 6 * * ?'));
  });
});
