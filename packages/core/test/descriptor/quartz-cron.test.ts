import { expect } from 'chai';
import { normalizedCron, quartzCronProblems } from '../../src/descriptor/quartz-cron.js';

const PATH = 'specific.connection.schedule.cronExpression';
const invalid = (detail: string) => [{ path: PATH, message: `has invalid cron field(s): ${detail}` }];

describe('quartzCronProblems', () => {
  for (const expression of [
    '0 0 12 * * ?',
    '0 15 10 ? * MON-FRI',
    '0 15 10 ? * mon-fri',
    '0 0/5 14 * * ?',
    '0 * * * * ?',
    '0 0 12 1,15,28-31 * ?',
    '0 0 12 L-3 * ?',
    '0 0 12 LW * ?',
    '0 0 12 15W * ?',
    '0 0 12 ? * 6L',
    '0 0 12 ? * FRI#3',
    '0 0 12 ? * L',
    '0 0 12 ? JAN-MAR,DEC SUN',
    '59 59 23 31 12 ? 2099',
    '0 0 0 ? * 1-7 1970-2099/2',
  ]) {
    it(`accepts ${expression}`, () => {
      expect(quartzCronProblems(expression, PATH)).to.deep.equal([]);
    });
  }

  for (const [expression, detail] of [
    ['60 0 12 * * ?', 'seconds "60" (allowed: 0-59 with , - * /)'],
    ['0 60 12 * * ?', 'minutes "60" (allowed: 0-59 with , - * /)'],
    ['0 0 24 * * ?', 'hours "24" (allowed: 0-23 with , - * /)'],
    ['0 0 12 32 * ?', 'day-of-month "32" (allowed: 1-31 with , - * ? / L W)'],
    ['0 0 12 0 * ?', 'day-of-month "0" (allowed: 1-31 with , - * ? / L W)'],
    ['0 0 12 * 13 ?', 'month "13" (allowed: 1-12 or JAN-DEC with , - * /)'],
    ['0 0 12 * JANUARY ?', 'month "JANUARY" (allowed: 1-12 or JAN-DEC with , - * /)'],
    ['0 0 12 ? * 8', 'day-of-week "8" (allowed: 1-7 or SUN-SAT with , - * ? / L #)'],
    ['0 0 12 ? * FRI#6', 'day-of-week "FRI#6" (allowed: 1-7 or SUN-SAT with , - * ? / L #)'],
    ['0 0 12 * * ? 1969', 'year "1969" (allowed: 1970-2099 with , - * /)'],
    ['0 0/0 12 * * ?', 'minutes "0/0" (allowed: 0-59 with , - * /)'],
    ['0 1-2-3 12 * * ?', 'minutes "1-2-3" (allowed: 0-59 with , - * /)'],
    ['0 0 ? * * ?', 'hours "?" (allowed: 0-23 with , - * /)'],
    ['0 0 12 1W,L * ?', 'day-of-month "1W,L" (allowed: 1-31 with , - * ? / L W)'],
    ['0 0 12 1,15,L * ?', 'day-of-month "1,15,L" (allowed: 1-31 with , - * ? / L W)'],
    ['0 0 12 ? * MON#2,FRI#4', 'day-of-week "MON#2,FRI#4" (allowed: 1-7 or SUN-SAT with , - * ? / L #)'],
    ['0 0 12 * * ?/2', 'day-of-week "?/2" (allowed: 1-7 or SUN-SAT with , - * ? / L #)'],
    ['0 0 12 5L * ?', 'day-of-month "5L" (allowed: 1-31 with , - * ? / L W)'],
    ['0,, 0 12 * * ?', 'seconds "0,," (allowed: 0-59 with , - * /)'],
  ] as const) {
    it(`names the field that is wrong in ${expression}`, () => {
      expect(quartzCronProblems(expression, PATH)).to.deep.equal(invalid(detail));
    });
  }

  it('names every wrong field in one problem', () => {
    expect(quartzCronProblems('99 0 25 * * ?', PATH)).to.deep.equal(
      invalid('seconds "99" (allowed: 0-59 with , - * /); hours "25" (allowed: 0-23 with , - * /)'),
    );
  });

  describe('time zone', () => {
    for (const expression of ['0 0 12 * * ? UTC', '0 0 12 * * ? 2027 utc']) {
      it(`accepts the UTC that Airbyte appends on read: ${expression}`, () => {
        expect(quartzCronProblems(expression, PATH)).to.deep.equal([]);
      });
    }

    for (const [expression, zone] of [
      ['0 0 9 ? * MON-FRI Europe/Rome', 'Europe/Rome'],
      ['0 0 9 ? * MON-FRI 2027 US/Pacific', 'US/Pacific'],
    ] as const) {
      it(`refuses another time zone: ${expression}`, () => {
        expect(quartzCronProblems(expression, PATH)).to.deep.equal([
          {
            path: PATH,
            message: `ends with the time zone ${zone}, but Airbyte's API schedules in UTC only; write the times in UTC and drop the time zone`,
          },
        ]);
      });
    }

    it('still counts the fields before a UTC suffix', () => {
      expect(quartzCronProblems('0 12 * * * UTC', PATH)).to.deep.equal([
        {
          path: PATH,
          message:
            'must be a Quartz cron expression of 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), e.g. "0 0 12 * * ?"; got 5 field(s)',
        },
      ]);
    });

    it('is dropped, with extra spacing, from the expression sent to Airbyte', () => {
      expect(normalizedCron('  0 0\t12 * *  ? UTC ')).to.equal('0 0 12 * * ?');
      expect(normalizedCron('0 0 12 * * ? 2027')).to.equal('0 0 12 * * ? 2027');
    });
  });

  describe('frequency (Airbyte refuses seconds, or with a year minutes, that are not one number)', () => {
    for (const [expression, field, withYear] of [
      ['* * * * * ?', 'seconds "*"', false],
      ['*/10 * * * * ?', 'seconds "*/10"', false],
      ['0,30 0 12 * * ?', 'seconds "0,30"', false],
      ['0 * 12 * * ? 2027', 'minutes "*"', true],
      ['0 0/5 12 * * ? * UTC', 'minutes "0/5"', true],
    ] as const) {
      it(`refuses ${expression}, naming the ${field} field`, () => {
        expect(quartzCronProblems(expression, PATH)).to.deep.equal([
          {
            path: PATH,
            message: `runs more often than Airbyte accepts: the ${field} field must be a single number${
              withYear ? ' (seconds and minutes, with a year field)' : ''
            }, e.g. "0 0 12 * * ?"`,
          },
        ]);
      });
    }

    it('accepts every minute without a year field, as Airbyte does', () => {
      expect(quartzCronProblems('0 * * * * ?', PATH)).to.deep.equal([]);
    });
  });
});
