import { expect } from 'chai';
import { fullJitterDelay, parseRetryAfter } from '../../src/http/backoff.js';
import { problemDetail } from '../../src/http/problem-detail.js';
import { scrub, secretValuesOf } from '../../src/http/redact.js';
import { makeSemaphore } from '../../src/http/semaphore.js';

describe('gateway helpers', () => {
  describe('fullJitterDelay', () => {
    it('caps the exponential growth at maxDelayMs and scales by the random draw', () => {
      const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
      expect([1, 2, 3, 4, 5, 6].map((n) => fullJitterDelay(policy, n, () => 1))).to.deep.equal([
        100, 200, 400, 800, 1000, 1000,
      ]);
      expect(fullJitterDelay(policy, 3, () => 0.25)).to.equal(100);
      expect(fullJitterDelay(policy, 3, () => 0)).to.equal(0);
    });
  });

  describe('parseRetryAfter', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    it('reads delay-seconds and HTTP dates; past dates mean now; junk means unknown', () => {
      expect(parseRetryAfter('120', now)).to.equal(120_000);
      expect(parseRetryAfter(' 0 ', now)).to.equal(0);
      expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', now)).to.equal(30_000);
      expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('-5', now)).to.equal(undefined);
      expect(parseRetryAfter('later', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });
  });

  describe('problemDetail', () => {
    it('prefers detail, then title, then message, and appends errorId', () => {
      expect(problemDetail('{"detail":"d","title":"t","message":"m"}')).to.equal('d');
      expect(problemDetail('{"title":"t","message":"m"}')).to.equal('t');
      expect(problemDetail('{"message":"m"}')).to.equal('m');
      expect(problemDetail('{"errorId":"e1"}')).to.equal('errorId e1');
      expect(problemDetail('{"detail":"d","errorId":"e1"}')).to.equal('d; errorId e1');
    });
    it('assumes no shape: arrays, numbers, non-string fields give nothing', () => {
      expect(problemDetail('[1,2]')).to.equal(undefined);
      expect(problemDetail('42')).to.equal(undefined);
      expect(problemDetail('{"detail":{"nested":true}}')).to.equal(undefined);
      expect(problemDetail('   ')).to.equal(undefined);
    });
    it('scrubs the secrets before it trims, collapses spaces or cuts', () => {
      const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----';
      expect(problemDetail(`bad key\n${pem}\n`, [pem])).to.equal('bad key [redacted]');
      expect(problemDetail(JSON.stringify({ detail: ` ${pem} ` }), [` ${pem} `])).to.equal('[redacted]');
      const long = `${'y'.repeat(495)}secret-0123456789`;
      expect(problemDetail(JSON.stringify({ detail: long }), ['secret-0123456789'])).to.equal(
        `${'y'.repeat(495)}[reda…`,
      );
      expect(problemDetail(JSON.stringify({ errorId: 'e-secret-01' }), ['e-secret-01'])).to.equal(
        'errorId [redacted]',
      );
    });
  });

  describe('secret scrubbing', () => {
    it('collects strings under secret keys at any depth, and replaces them in text', () => {
      const secrets = secretValuesOf({
        host: 'h',
        credentials: { password: 'pw-1234', nested: ['deep-secret'] },
        api_key: 'k',
      });
      expect(secrets).to.deep.equal(['pw-1234', 'deep-secret']);
      expect(scrub('a pw-1234 b pw-1234 deep-secret', secrets)).to.equal(
        'a [redacted] b [redacted] [redacted]',
      );
    });
    it('replaces a longer secret before a shorter one inside it, and ignores an empty one', () => {
      expect(scrub('key pw-1234-and-more', ['pw-1234', 'pw-1234-and-more', ''])).to.equal('key [redacted]');
    });
    it('collects numbers under secret keys too', () => {
      expect(secretValuesOf({ password: 123456, port: 5432, pin: { password: 12 } })).to.deep.equal([
        '123456',
      ]);
    });
  });

  describe('makeSemaphore', () => {
    it('hands permits out first come, first served', async () => {
      const semaphore = makeSemaphore(1);
      const order: string[] = [];
      let release: () => void = () => {};
      const first = semaphore.withPermit(
        () =>
          new Promise<void>((resolve) => {
            order.push('first');
            release = resolve;
          }),
      );
      const push = (name: string) => () => {
        order.push(name);
        return Promise.resolve();
      };
      const second = semaphore.withPermit(push('second'));
      const third = semaphore.withPermit(push('third'));
      await Promise.resolve();
      expect(semaphore.inFlight()).to.equal(1);
      expect(order).to.deep.equal(['first']);
      release();
      await Promise.all([first, second, third]);
      expect(order).to.deep.equal(['first', 'second', 'third']);
      expect(semaphore.inFlight()).to.equal(0);
    });

    it('releases the permit when the work throws', async () => {
      const semaphore = makeSemaphore(1);
      const failed = await semaphore
        .withPermit(() => Promise.reject(new Error('boom')))
        .catch((e: Error) => e.message);
      expect(failed).to.equal('boom');
      expect(semaphore.inFlight()).to.equal(0);
    });
  });
});
