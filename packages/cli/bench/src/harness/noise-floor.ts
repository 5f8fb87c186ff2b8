/**
 * The run's noise floor: bare Koa against a second, identical bare Koa, in the rounds the throughput
 * figure uses. Any spread of these ratios is the machine's doing, so a figure whose own spread is narrower
 * cannot be read more finely than this run allows.
 */
import { requestsPerSecond } from './load.js';
import { variedValidateBodies } from './requests.js';
import { interleavedRatio, measureRounds } from './rounds.js';
import { startBareKoa } from './servers.js';
import type { Spread } from './stats.js';
import { reported } from './target.js';

/**
 * From 9 rounds on, the spread drops the most extreme ones: with 6 (min-max) one stray slice set the
 * floor, which read 18% of the median in one run and 75% in the next, and with it which figures were
 * said to be below it.
 */
export const NOISE_ROUNDS = 12;

export const measureNoiseFloor = async (): Promise<Spread> => {
  const one = await startBareKoa();
  const twin = await startBareKoa();
  try {
    const bodies = variedValidateBodies();
    const rps = (baseUrl: string) => () => requestsPerSecond(`${baseUrl}/v1/validate`, bodies, 1);
    await rps(one.baseUrl)();
    await rps(twin.baseUrl)();
    const rounds = await measureRounds((n) => interleavedRatio(n, rps(one.baseUrl), rps(twin.baseUrl)), {
      target: reported,
      budgetMs: 0,
      minRounds: NOISE_ROUNDS,
    });
    return rounds.spread;
  } finally {
    await one.stop();
    await twin.stop();
  }
};
