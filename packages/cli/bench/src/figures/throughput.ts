import type { ProvisioningRequest } from '@airbyte-provisioner/core';
import type { Build } from '../harness/build.js';
import { loadValidate } from '../harness/build-modules.js';
import type { FigureGroup } from '../harness/figure.js';
import { CONNECTIONS, requestsPerSecond } from '../harness/load.js';
import { measureFigure, type Session } from '../harness/measure.js';
import { benchProfileEnv, benchProfiles } from '../harness/profiles.js';
import { variedValidateBodies, type BodySource } from '../harness/requests.js';
import { interleavedRatio } from '../harness/rounds.js';
import { airbyteForServers } from '../harness/server-airbyte.js';
import { startBareKoa, startServerOf, type RunningServer } from '../harness/servers.js';
import { median, round } from '../harness/stats.js';
import { atLeast } from '../harness/target.js';

const SLICE_SECONDS = 1;
const WARM_UP_SECONDS = 2;
const TARGET = 0.75;
const BUDGET_SECONDS = 60;

const expectValid = async (url: string, body: string): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('"valid":true')) {
    throw new Error(
      `POST ${url} with a bench body must answer 200 {valid: true}; got ${response.status} ${text}`,
    );
  }
};

const validateUrl = (server: RunningServer): string => `${server.baseUrl}/v1/validate`;

/** What validating one descriptor it has not seen costs the build's core, in this process, without HTTP. */
const inProcessValidateMs = async (build: Build): Promise<number> => {
  const validate = (await loadValidate(build.root))(benchProfiles);
  const bodies = variedValidateBodies();
  const requests = Array.from({ length: 300 }, () => JSON.parse(bodies.next()) as ProvisioningRequest);
  requests.slice(0, 100).forEach(validate);
  const started = performance.now();
  requests.slice(100).forEach(validate);
  return (performance.now() - started) / 200;
};

/** A build's server against the bare Koa, one slice of each per round. */
const openSession =
  (env: Readonly<Record<string, string>>, bare: RunningServer, bodies: BodySource) =>
  async (build: Build): Promise<Session> => {
    const ours = await startServerOf(build, env);
    const oursRps: number[] = [];
    const bareRps: number[] = [];
    const slice = (server: RunningServer, into: number[]) => async (): Promise<number> => {
      const rps = await requestsPerSecond(validateUrl(server), bodies, SLICE_SECONDS);
      into.push(rps);
      return rps;
    };
    try {
      await expectValid(validateUrl(ours), bodies.next());
      await requestsPerSecond(validateUrl(ours), bodies, WARM_UP_SECONDS);
    } catch (error) {
      await ours.stop();
      throw error;
    }
    return {
      sample: (n) => interleavedRatio(n, slice(ours, oursRps), slice(bare, bareRps)),
      details: () =>
        Promise.resolve({
          oursMedianRps: Math.round(median(oursRps)),
          bareKoaMedianRps: Math.round(median(bareRps)),
          distinctBodiesSent: bodies.handedOut(),
        }),
      close: ours.stop,
    };
  };

export const throughputGroup: FigureGroup = {
  id: 'validate-throughput',
  title: 'Validate throughput',
  method: `
Requests per second of \`POST /v1/validate\` against a build's server (\`node
packages/cli/dist/bundle/airbyte-provisioner.js serve\`, the bundle the package's \`bin\` runs; Airbyte = a
sandbox in another process, never called by validate), versus a bare Koa server (Koa + koa-bodyparser)
echoing the same kind of body. Every request carries a different descriptor: the repository's File →
Snowflake example with a counter in its component id, component name and Airbyte resource names, so no
cache of one body can answer it (\`distinctBodiesSent\` in the details). Both servers are \`node\` children
with the same flags and \`LOG_LEVEL=warn\`; the client is autocannon 8 in the bench process, ${CONNECTIONS}
connections. One request first checks that the answer is \`200 {"valid": true}\`, and a round in which any
request fails or answers non-2xx stops the figure: errors are never what is measured. Each server gets
${WARM_UP_SECONDS} s of warm-up; a round is one ${SLICE_SECONDS} s slice of each, in alternating order;
its value is ours ÷ bare. Target ≥ ${TARGET}.`,
  run: async (context) => {
    const airbyte = await airbyteForServers();
    const bare = await startBareKoa();
    try {
      const bodies = variedValidateBodies();
      await requestsPerSecond(validateUrl(bare), bodies, WARM_UP_SECONDS);
      const figure = await measureFigure(
        context,
        {
          name: 'validate throughput: ours ÷ bare Koa',
          unit: 'ratio',
          target: atLeast(TARGET),
          budgetSeconds: BUDGET_SECONDS,
        },
        openSession({ ...airbyte.env, ...benchProfileEnv }, bare, bodies),
      );
      const bareMs = 1000 / Number(figure.details['bareKoaMedianRps']);
      const notes =
        figure.verdict === 'pass'
          ? []
          : [
              `The bare Koa server spends ${round(bareMs)} ms of its one thread per request; ${TARGET} needs ` +
                `ours under ${round(bareMs / TARGET)} ms, and ours took ` +
                `${round(1000 / Number(figure.details['oursMedianRps']))} ms (medians of the slices). The core ` +
                `alone, in the bench process without HTTP, takes ${round(await inProcessValidateMs(context.current))} ` +
                `ms to validate one descriptor it has not seen.`,
            ];
      return { figures: [figure], notes };
    } finally {
      await bare.stop();
      await airbyte.stop();
    }
  },
};
