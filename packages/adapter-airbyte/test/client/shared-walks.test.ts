import { expect } from 'chai';
import { makeSharedWalks, type StartWalk } from '../../src/http/shared-walks.js';

interface Deferred<A> {
  readonly promise: Promise<A>;
  readonly resolve: (value: A) => void;
  readonly reject: (error: Error) => void;
}

const deferred = <A>(): Deferred<A> => {
  let resolve!: (value: A) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<A>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A walk the test drives: it tells when it was started and sends its first request when told to. */
const scriptedWalks = () => {
  const started: Array<{ readonly send: () => void; readonly end: Deferred<string> }> = [];
  const start: StartWalk<string> = (sent) => {
    const end = deferred<string>();
    started.push({ send: sent, end });
    return end.promise;
  };
  return { started, start };
};

describe('shared list walks', () => {
  it('lets callers that ask before the first request leaves share one walk', async () => {
    const walks = makeSharedWalks();
    const { started, start } = scriptedWalks();
    const answers = Promise.all([walks.walk('sources', start), walks.walk('sources', start)]);
    await tick();
    walks.walk('sources', start).catch(() => undefined); // still before the first request: joins too
    await tick();
    expect(started).to.have.length(1);
    started[0]!.send();
    started[0]!.end.resolve('page');
    expect(await answers).to.deep.equal(['page', 'page']);
  });

  it('makes a caller that comes after the first request wait for the next walk, shared by all who wait', async () => {
    const walks = makeSharedWalks();
    const { started, start } = scriptedWalks();
    const first = walks.walk('sources', start);
    await tick();
    started[0]!.send();
    const late = [walks.walk('sources', start), walks.walk('sources', start)];
    await tick();
    // the next walk does not start while the first runs: it must read what the first may have missed
    expect(started).to.have.length(1);
    started[0]!.end.resolve('before');
    expect(await first).to.equal('before');
    await tick();
    expect(started).to.have.length(2);
    started[1]!.send();
    started[1]!.end.resolve('after');
    expect(await Promise.all(late)).to.deep.equal(['after', 'after']);
  });

  it('gives a failed walk to its callers and starts afresh for the next one', async () => {
    const walks = makeSharedWalks();
    const { started, start } = scriptedWalks();
    const failing = Promise.allSettled([walks.walk('sources', start), walks.walk('sources', start)]);
    await tick();
    started[0]!.send();
    const next = walks.walk('sources', start);
    started[0]!.end.reject(new Error('Airbyte is down'));
    expect((await failing).map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    await tick();
    started[1]!.end.resolve('recovered');
    expect(await next).to.equal('recovered');
  });

  it('seals a walk that ends without sending anything, so later callers walk again', async () => {
    const walks = makeSharedWalks();
    const { started, start } = scriptedWalks();
    const first = walks.walk('sources', start);
    await tick();
    started[0]!.end.resolve('no token, nothing sent');
    expect(await first).to.equal('no token, nothing sent');
    const second = walks.walk('sources', start);
    await tick();
    expect(started).to.have.length(2);
    started[1]!.end.resolve('fresh');
    expect(await second).to.equal('fresh');
  });

  it('never shares between different lists', async () => {
    const walks = makeSharedWalks();
    const { started, start } = scriptedWalks();
    const answers = Promise.all([walks.walk('sources', start), walks.walk('destinations', start)]);
    await tick();
    expect(started).to.have.length(2);
    started[0]!.end.resolve('sources');
    started[1]!.end.resolve('destinations');
    expect(await answers).to.deep.equal(['sources', 'destinations']);
  });
});
