/**
 * Every Airbyte call of a first deploy, a re-deploy and an unprovision, failed in turn in every way the
 * sandbox can fail it (before the handler, and for writes also after it, so the write stays but the answer
 * is lost). Each run must end COMPLETED or FAILED (never stuck RUNNING), a FAILED one names the step, and
 * sending the same request again once Airbyte is healthy converges: exactly one source, destination and
 * connection for the component (none after an unprovision), no orphan.
 */
import { expect } from 'chai';
import {
  startAirbyteSandbox,
  type AirbyteSandbox,
  type SandboxFault,
  type SandboxFaultAction,
} from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { namesOf, requestOf } from './descriptors.js';
import {
  airbyteEnv,
  LEGACY,
  pollStatus,
  send,
  SHORT_TIMEOUT_MS,
  startProvisioner,
  STEADY_TIMEOUT_MS,
  tokenOf,
  untilSandboxSettled,
  type Provisioner,
} from './harness.js';

type Phase = 'first deploy' | 're-deploy' | 'unprovision';

interface Call {
  readonly method: string;
  readonly label: string;
  readonly path: string | RegExp;
  readonly nth?: number;
}

const byId = (collection: string): RegExp => new RegExp(`^/${collection}/[^/]+$`);

const CALLS: Record<Phase, ReadonlyArray<Call>> = {
  'first deploy': [
    { method: 'POST', label: '/applications/token', path: '/applications/token' },
    { method: 'GET', label: '/sources', path: '/sources' },
    { method: 'GET', label: '/destinations', path: '/destinations' },
    { method: 'GET', label: '/connections', path: '/connections' },
    { method: 'POST', label: '/sources', path: '/sources' },
    { method: 'POST', label: '/destinations', path: '/destinations' },
    { method: 'GET', label: '/streams', path: '/streams' },
    { method: 'POST', label: '/connections', path: '/connections' },
  ],
  're-deploy': [
    { method: 'GET', label: '/sources/{id}', path: byId('sources') },
    { method: 'GET', label: '/destinations/{id}', path: byId('destinations') },
    { method: 'GET', label: '/connections/{id}', path: byId('connections') },
    { method: 'GET', label: '/connections', path: '/connections' },
    { method: 'PUT', label: '/destinations/{id}', path: byId('destinations') },
  ],
  unprovision: [
    { method: 'GET', label: '/sources/{id}', path: byId('sources') },
    { method: 'GET', label: '/destinations/{id}', path: byId('destinations') },
    { method: 'GET', label: '/connections/{id}', path: byId('connections') },
    { method: 'GET', label: '/connections (1st)', path: '/connections', nth: 1 },
    { method: 'GET', label: '/connections (2nd)', path: '/connections', nth: 2 },
    { method: 'DELETE', label: '/connections/{id}', path: byId('connections') },
    { method: 'DELETE', label: '/sources/{id}', path: byId('sources') },
    { method: 'DELETE', label: '/destinations/{id}', path: byId('destinations') },
  ],
};

interface Fault {
  readonly name: string;
  readonly action: SandboxFaultAction;
  /** Transient faults are retried (a lost create is looked up first) and the run completes. */
  readonly expected: 'COMPLETED' | 'FAILED';
}

const FAULTS: ReadonlyArray<Fault> = [
  { expected: 'FAILED', name: '500', action: { type: 'status', status: 500 } },
  { expected: 'COMPLETED', name: '503 then success', action: { type: 'status', status: 503 } },
  {
    expected: 'COMPLETED',
    name: '429 Retry-After 0',
    action: { type: 'status', status: 429, headers: { 'Retry-After': '0' } },
  },
  { expected: 'COMPLETED', name: 'delay past the client timeout', action: { type: 'delay', ms: 350 } },
  { expected: 'COMPLETED', name: 'dropped connection', action: { type: 'drop' } },
  { expected: 'FAILED', name: 'malformed JSON', action: { type: 'malformed' } },
  {
    expected: 'FAILED',
    name: '422',
    action: {
      type: 'status',
      status: 422,
      body: {
        type: 'https://reference.airbyte.com/reference/errors',
        title: 'unprocessable-entity',
        status: 422,
      },
    },
  },
];
// a one-second Retry-After costs a second per case: it is exercised on the first call of each phase
const SLOW_FAULT: Fault = {
  expected: 'COMPLETED',
  name: '429 Retry-After 1',
  action: { type: 'status', status: 429, headers: { 'Retry-After': '1' } },
};

const isWrite = (method: string): boolean => method !== 'GET';

// An answer lost after the write (500/503/drop/delay/malformed) is what "after" exercises; a 429 or 422
// after the handler is the same lost answer again, so those are not repeated.
const AFTER_FAULTS = new Set([
  '500',
  '503 then success',
  'delay past the client timeout',
  'dropped connection',
  'malformed JSON',
]);

interface Case {
  readonly phase: Phase;
  readonly call: Call;
  readonly fault: Fault;
  readonly when: 'before' | 'after';
}

const cases: Case[] = (Object.keys(CALLS) as Phase[]).flatMap((phase) =>
  CALLS[phase].flatMap((call, index) => {
    const faults = index === 0 ? [...FAULTS, SLOW_FAULT] : FAULTS;
    const whens: ReadonlyArray<'before' | 'after'> = isWrite(call.method) ? ['before', 'after'] : ['before'];
    return faults.flatMap((fault) =>
      whens
        .filter((when) => when === 'before' || AFTER_FAULTS.has(fault.name))
        .map((when) => ({ phase, call, fault, when })),
    );
  }),
);

// a 2xx answer to a DELETE is success whatever its body (Airbyte's 204 has none), so a garbled body there
// does not fail the run
const expectedOf = (c: Case): 'COMPLETED' | 'FAILED' =>
  c.call.method === 'DELETE' && c.fault.action.type === 'malformed' ? 'COMPLETED' : c.fault.expected;

// only a call held on purpose may outlive the client's timeout: with the short one for every case, a
// stalled machine times out an ordinary call, the one-shot fault goes to the attempt nobody listens to,
// and the attempt sent again succeeds where the case expects the fault's outcome
const timeoutOf = (c: Case): number =>
  c.fault.action.type === 'delay' ? SHORT_TIMEOUT_MS : STEADY_TIMEOUT_MS;

const countNamed = (sandbox: AirbyteSandbox, key: string) => {
  const names = namesOf(key);
  const snapshot = sandbox.snapshot();
  const mine = (list: ReadonlyArray<Readonly<Record<string, unknown>>>) =>
    list.filter((r) => typeof r['name'] === 'string' && r['name'].includes(`vaccinations.${key}.`));
  return {
    sources: mine(snapshot.sources).map((r) => r['name']),
    destinations: mine(snapshot.destinations).map((r) => r['name']),
    connections: mine(snapshot.connections).map((r) => r['name']),
    expected: names,
    destinationSchemas: mine(snapshot.destinations).map(
      (r) => (r['configuration'] as Record<string, unknown> | undefined)?.['schema'],
    ),
  };
};

const run = async (p: Provisioner, operation: 'provision' | 'unprovision', body: string) => {
  const accepted = await send(`${p.url}${LEGACY}/${operation}`, { body });
  expect(accepted.status, accepted.text).to.equal(202);
  return pollStatus(p.url, tokenOf(accepted));
};

describe('reliability: fault matrix (every Airbyte call × every fault)', function () {
  this.timeout(20_000);
  let sandbox: AirbyteSandbox;

  before(async () => {
    sandbox = await startAirbyteSandbox({ jobDurationMs: 10 });
  });
  after(async () => {
    await sandbox.close();
  });
  afterEach(() => {
    sandbox.clearFaults();
  });

  cases.forEach((c, n) => {
    it(`${c.phase}: ${c.call.method} ${c.call.label} — ${c.fault.name} (${c.when} the handler)`, async () => {
      const key = `m${n}`;
      const first = requestOf({ key });
      const changed = requestOf({ key, schema: `CHANGED_${n}` });
      const p = await startProvisioner(
        airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials, timeoutOf(c)),
      );
      try {
        if (c.phase !== 'first deploy')
          expect((await run(p, 'provision', first)).status).to.equal('COMPLETED');
        const [operation, body] =
          c.phase === 'first deploy'
            ? (['provision', first] as const)
            : c.phase === 're-deploy'
              ? (['provision', changed] as const)
              : (['unprovision', first] as const);
        const fault: SandboxFault = {
          match: { method: c.call.method, path: c.call.path, nth: c.call.nth ?? 1, times: 1 },
          action: c.fault.action,
          when: c.when,
        };
        sandbox.inject(fault);
        const outcome = await run(p, operation, body);
        expect(outcome.status, outcome.result).to.equal(expectedOf(c));
        if (outcome.status === 'FAILED') {
          // which step, which Airbyte call, and what to do
          const result = outcome.result ?? '';
          expect(result).to.match(/^\S.* failed: Airbyte \S/);
          expect(result).to.include(
            `${c.call.method} ${c.call.label.replace('{id}', '').replace(/ \(.*\)$/, '')}`,
          );
          expect(result).to.match(/again/i);
        }
        sandbox.clearFaults();
        // a call held past the client's timeout may still be in the sandbox: the run that follows must
        // see what it leaves (a late copy), as it would in Airbyte once the request is done there
        await untilSandboxSettled(sandbox);
        const again = await run(p, operation, body);
        expect(again.status, again.result).to.equal('COMPLETED');
        const seen = countNamed(sandbox, key);
        if (operation === 'unprovision') {
          expect(seen.sources).to.deep.equal([]);
          expect(seen.destinations).to.deep.equal([]);
          expect(seen.connections).to.deep.equal([]);
        } else {
          expect(seen.sources).to.deep.equal([seen.expected.source]);
          expect(seen.destinations).to.deep.equal([seen.expected.destination]);
          expect(seen.connections).to.deep.equal([seen.expected.connection]);
          if (c.phase === 're-deploy') expect(seen.destinationSchemas).to.deep.equal([`CHANGED_${n}`]);
        }
      } finally {
        await p.close();
      }
    });
  });

  it('a create Airbyte performs only after the client gave up and sent it again leaves no copy once sent again', async () => {
    const key = 'late';
    const body = requestOf({ key });
    const p = await startProvisioner(
      airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials, SHORT_TIMEOUT_MS),
    );
    try {
      // held well past the 300 ms timeout and the look-up that follows it: the create is sent again
      const callsBefore = sandbox.calls().length;
      sandbox.inject({
        match: { method: 'POST', path: '/destinations' },
        action: { type: 'delay', ms: 1500 },
      });
      expect((await run(p, 'provision', body)).status).to.equal('COMPLETED');
      await untilSandboxSettled(sandbox);
      // both creates were performed: the held one landed after the client gave up (a late copy, which
      // the provisioner's background look may already have deleted)
      expect(
        sandbox
          .calls()
          .slice(callsBefore)
          .filter((c) => c.method === 'POST' && c.path === '/destinations' && c.status === 200),
      ).to.have.length(2);
      const again = await run(p, 'provision', body);
      expect(again.status).to.equal('COMPLETED');
      const seen = countNamed(sandbox, key);
      expect(seen.destinations).to.deep.equal([seen.expected.destination]);
      expect(seen.connections).to.deep.equal([seen.expected.connection]);
    } finally {
      await p.close();
    }
  });
});
