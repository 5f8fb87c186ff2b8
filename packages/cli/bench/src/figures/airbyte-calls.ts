import { countCalls, type CallCounts } from '../harness/call-log.js';
import { exampleDescriptorText } from '../harness/requests.js';
import { distinctComponent, withSpecific } from '../harness/descriptors.js';
import type { FigureGroup, FigureResult } from '../harness/figure.js';
import { makeBenchProvisioner } from '../harness/provisioner.js';
import { startSandboxChild, type SandboxChild } from '../harness/sandbox-child.js';

const counted = async <A>(sandbox: SandboxChild, work: () => Promise<A>): Promise<CallCounts> => {
  await sandbox.clearCalls();
  await work();
  return countCalls(await sandbox.calls());
};

const callDetails = (counts: CallCounts): Record<string, unknown> => ({
  reads: counts.reads,
  writes: counts.writes,
  tokenCalls: counts.auth,
  calls: counts.sequence,
});

export const airbyteCallsGroup: FigureGroup = {
  id: 'airbyte-calls',
  title: 'Airbyte calls per operation',
  method: `
The use cases of the core, wired as the CLI wires them (\`AirbytePublicApiGateway\` over HTTP, in-memory
task and deployment-record repositories, a per-component lock), deploy the Witboost example against the
sandbox, which runs in its own process and logs every HTTP exchange it serves. The log is cleared before
each operation and read after it. A \`GET\` is a read; \`POST\`/\`PATCH\`/\`PUT\`/\`DELETE\` are writes;
\`POST /applications/token\` is counted apart (\`tokenCalls\`), since it is paid once per token lifetime,
not per operation. Operations, in order, on the same component: first deploy (target ≤ 7 calls), the same
request again (target 0 writes, ≤ 3 reads), the request with the connection's schedule changed to a cron
(target: one write, the connection update), then unprovision (target: at most 3 writes — the connection,
the source and the destination).`,
  run: async () => {
    const example = await exampleDescriptorText();
    const sandbox = await startSandboxChild(0);
    try {
      const provisioner = await makeBenchProvisioner(sandbox);
      const descriptor = distinctComponent(example, '-calls');
      const changed = withSpecific(descriptor, (specific) => {
        const connection = specific['connection'] as Record<string, unknown>;
        connection['schedule'] = { scheduleType: 'cron', cronExpression: '0 0 6 * * ?' };
      });
      const first = await counted(sandbox, () => provisioner.provision(descriptor));
      const again = await counted(sandbox, () => provisioner.provision(descriptor));
      const changedRun = await counted(sandbox, () => provisioner.provision(changed));
      const removed = await counted(sandbox, () => provisioner.unprovision(changed));
      const figures: FigureResult[] = [
        {
          figure: 'airbyte calls: first deploy',
          value: first.reads + first.writes,
          unit: 'calls',
          target: '≤ 7',
          pass: first.reads + first.writes <= 7,
          details: callDetails(first),
        },
        {
          figure: 'airbyte calls: unchanged re-deploy, writes',
          value: again.writes,
          unit: 'calls',
          target: '0',
          pass: again.writes === 0,
          details: callDetails(again),
        },
        {
          figure: 'airbyte calls: unchanged re-deploy, reads',
          value: again.reads,
          unit: 'calls',
          target: '≤ 3',
          pass: again.reads <= 3,
          details: { reads: again.reads },
        },
        {
          figure: 'airbyte calls: changed re-deploy (schedule), writes',
          value: changedRun.writes,
          unit: 'calls',
          target: '1',
          pass: changedRun.writes === 1,
          details: callDetails(changedRun),
        },
        {
          figure: 'airbyte calls: changed re-deploy (schedule), reads',
          value: changedRun.reads,
          unit: 'calls',
          target: 'reported',
          pass: true,
          details: { reads: changedRun.reads },
        },
        {
          figure: 'airbyte calls: unprovision, writes',
          value: removed.writes,
          unit: 'calls',
          target: '≤ 3',
          pass: removed.writes <= 3,
          details: callDetails(removed),
        },
        {
          figure: 'airbyte calls: unprovision, reads',
          value: removed.reads,
          unit: 'calls',
          target: 'reported',
          pass: true,
          details: { reads: removed.reads },
        },
      ];
      return { figures };
    } finally {
      await sandbox.stop();
    }
  },
};
