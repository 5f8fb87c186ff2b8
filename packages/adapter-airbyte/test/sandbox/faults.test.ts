import { expect } from 'chai';
import { call, fileSourceBody, openSession, type Page, type Session, type Source } from './sandbox-client.js';

/** Waits until the sandbox has answered (or dropped) every call it received. */
const settled = async (session: Session): Promise<void> => {
  for (let i = 0; i < 200; i += 1) {
    if (session.sandbox.calls().every((c) => c.status !== undefined)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the sandbox never finished its calls');
};

describe('sandbox: injected faults', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  const createSource = () =>
    session.api<Source>('POST', '/sources', fileSourceBody(session.sandbox.workspaceId));
  const sourceCount = () => session.sandbox.snapshot().sources.length;

  describe('status', () => {
    it("before: answers the status with the server's problem for it and writes nothing", async () => {
      session.sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'status', status: 503 },
      });
      const answer = await createSource();
      expect(answer.status).to.equal(503);
      expect(answer.headers.get('content-type')).to.equal('application/json');
      expect(answer.body).to.deep.equal({
        status: 503,
        type: 'https://reference.airbyte.com/reference/errors',
        title: 'service-unavailable',
        detail: 'The server is currently unable to handle the request.',
        data: { message: 'Injected fault: 503' },
      });
      expect(sourceCount()).to.equal(0);
      expect((await createSource()).status, 'one time by default').to.equal(200);
    });

    it('after: the write happens but the answer is the injected one, with its headers and body', async () => {
      session.sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: {
          type: 'status',
          status: 429,
          headers: { 'retry-after': '2' },
          body: { message: 'slow down' },
        },
        when: 'after',
      });
      const answer = await createSource();
      expect(answer.status).to.equal(429);
      expect(answer.headers.get('retry-after')).to.equal('2');
      expect(answer.body).to.deep.equal({ message: 'slow down' });
      expect(sourceCount()).to.equal(1);
    });
  });

  describe('drop', () => {
    it('before: the socket closes without an answer and nothing is written', async () => {
      session.sandbox.inject({ match: { method: 'POST' }, action: { type: 'drop' } });
      let failure: unknown;
      await createSource().catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(TypeError);
      expect(sourceCount()).to.equal(0);
      expect(session.sandbox.calls().at(-1)).to.include({
        method: 'POST',
        path: '/sources',
        status: 0,
        fault: 'drop',
      });
    });

    it('after: the socket closes but the source was created', async () => {
      session.sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'drop' },
        when: 'after',
      });
      let failure: unknown;
      await createSource().catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(TypeError);
      expect(sourceCount()).to.equal(1);
    });
  });

  describe('malformed', () => {
    it('before: 200 with a body that is not JSON, and nothing written', async () => {
      session.sandbox.inject({ match: { path: '/sources', method: 'POST' }, action: { type: 'malformed' } });
      const response = await fetch(`${session.sandbox.url}/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(fileSourceBody(session.sandbox.workspaceId)),
      });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('application/json');
      let failure: unknown;
      await response.json().catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(SyntaxError);
      expect(sourceCount()).to.equal(0);
    });

    it('after: the write happens, the answer is unreadable', async () => {
      session.sandbox.inject({
        match: { path: '/sources', method: 'POST' },
        action: { type: 'malformed' },
        when: 'after',
      });
      const response = await fetch(`${session.sandbox.url}/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(fileSourceBody(session.sandbox.workspaceId)),
      });
      expect(response.status).to.equal(200);
      const text = await response.text();
      expect(() => JSON.parse(text) as unknown).to.throw(SyntaxError);
      expect(sourceCount()).to.equal(1);
    });
  });

  describe('delay', () => {
    it('before: a client that gives up first gets no answer, and nothing has been written when it gives up', async () => {
      session.sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'delay', ms: 400 },
      });
      let failure: unknown;
      await session
        .api('POST', '/sources', fileSourceBody(session.sandbox.workspaceId), {
          signal: AbortSignal.timeout(50),
        })
        .catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(DOMException);
      expect(sourceCount()).to.equal(0);
      await settled(session);
      // the delayed call then runs: a `before` delay only postpones the handler
      expect(sourceCount()).to.equal(1);
    });

    it('after: the write is done before the client gives up (a create whose answer timed out)', async () => {
      session.sandbox.inject({
        match: { method: 'POST', path: '/sources' },
        action: { type: 'delay', ms: 400 },
        when: 'after',
      });
      let failure: unknown;
      await session
        .api('POST', '/sources', fileSourceBody(session.sandbox.workspaceId), {
          signal: AbortSignal.timeout(50),
        })
        .catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(DOMException);
      expect(sourceCount()).to.equal(1);
      await settled(session);
    });
  });

  describe('matching', () => {
    it('fires from the nth matching call, `times` times, counting only matching calls', async () => {
      session.sandbox.inject({
        // /g on purpose: a stateful RegExp must still match every call
        match: { method: 'GET', path: /^\/sources\/[^/]+$/g, nth: 2, times: 2 },
        action: { type: 'status', status: 502 },
      });
      const { body } = await createSource();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await session.api('GET', `/sources/${body.sourceId}`)).status);
        await session.api('GET', '/sources');
      }
      expect(statuses).to.deep.equal([200, 502, 502, 200]);
    });

    it('matches a string path exactly, and the method case-insensitively', async () => {
      session.sandbox.inject({
        match: { method: 'get', path: '/sources' },
        action: { type: 'status', status: 500 },
        when: 'before',
      });
      const { body } = await createSource();
      expect((await session.api('GET', `/sources/${body.sourceId}`)).status).to.equal(200);
      expect((await session.api<Page<Source>>('GET', '/sources?limit=5')).status).to.equal(500);
    });

    it('applies to the token route too, and clearFaults removes every fault', async () => {
      session.sandbox.inject({
        match: { path: '/applications/token' },
        action: { type: 'status', status: 500 },
      });
      session.sandbox.inject({ match: { path: '/sources' }, action: { type: 'status', status: 500 } });
      const token = await call(session.sandbox, 'POST', '/applications/token', {
        client_id: session.sandbox.credentials.clientId,
        client_secret: session.sandbox.credentials.clientSecret,
        grant_type: 'client_credentials',
      });
      expect(token.status).to.equal(500);
      session.sandbox.clearFaults();
      expect((await session.api('GET', '/sources')).status).to.equal(200);
    });
  });
});
