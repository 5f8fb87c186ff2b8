import { compareThroughput } from '../harness/compare-throughput.js';
import { round, type FigureGroup } from '../harness/figure.js';
import { validateBody } from '../harness/requests.js';
import { loadValidateProvisioningRequest } from '../harness/landing.js';
import type { ProvisioningRequest } from '@airbyte-provisioner/core';
import { airbyteForServers } from '../harness/server-airbyte.js';
import { benchProfileEnv, benchProfiles } from '../harness/profiles.js';
import { startBareKoa, startOurServer } from '../harness/servers.js';

const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 10;
const CALIBRATION_SECONDS = 4;

const expectValid = async (url: string, body: string): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('"valid":true')) {
    throw new Error(
      `POST ${url} with the Witboost example must answer 200 {valid: true}; got ${response.status} ${text}`,
    );
  }
};

/** What the core's validation alone costs per request, in this process (no HTTP). */
const coreValidateMs = async (body: string): Promise<number> => {
  const validate = (await loadValidateProvisioningRequest())(benchProfiles);
  const request = JSON.parse(body) as ProvisioningRequest;
  for (let i = 0; i < 200; i += 1) validate(request);
  const started = performance.now();
  for (let i = 0; i < 1000; i += 1) validate(request);
  return (performance.now() - started) / 1000;
};

export const throughputGroup: FigureGroup = {
  id: 'validate-throughput',
  title: 'Validate throughput',
  method: `
Requests per second of \`POST /v1/validate\` with the Witboost example descriptor (core's
\`witboostExampleDescriptor\`, as a COMPONENT_DESCRIPTOR request) against our built server
(\`node packages/cli/dist/bundle/airbyte-provisioner.js serve\`, the bundle the package's \`bin\` runs, Airbyte = a sandbox in another process, never called by
validate), versus a bare Koa server (Koa + koa-bodyparser) echoing the same body. Both run as \`node\`
children with the same flags and \`LOG_LEVEL=warn\`; the client is autocannon 8, in the bench process,
${CONNECTIONS} connections. Each server gets ${WARM_UP_SECONDS} s of warm-up, then ${SECONDS} s measured in
one-second slices taken alternately (A B, B A, ...). Figure: median of the ${SECONDS} per-pair ratios
(the totals' ratio is in the details). Target ≥ 0.7. Before measuring, one request checks that the
answer is \`200 {"valid": true}\`, so errors are never what is measured. To show the machine's noise,
the same comparison is first run between two identical bare Koa servers (${CALIBRATION_SECONDS} slices;
\`noiseFloorBareOverBare\` in the details: 1.0 on a quiet machine).`,
  run: async () => {
    const airbyte = await airbyteForServers();
    const serverEnv = { ...airbyte.env, ...benchProfileEnv };
    const ours = await startOurServer(serverEnv);
    const bare = await startBareKoa();
    try {
      const body = await validateBody();
      const oursUrl = `${ours.baseUrl}/v1/validate`;
      await expectValid(oursUrl, body);
      // the same comparison between two identical bare servers: how far from 1 this machine's noise alone goes
      const twin = await startBareKoa();
      const calibration = await compareThroughput(
        `${twin.baseUrl}/v1/validate`,
        `${bare.baseUrl}/v1/validate`,
        {
          body,
          connections: CONNECTIONS,
          warmUpSeconds: 1,
          seconds: CALIBRATION_SECONDS,
        },
      ).finally(() => twin.stop());
      const coreMs = await coreValidateMs(body);
      const comparison = await compareThroughput(oursUrl, `${bare.baseUrl}/v1/validate`, {
        body,
        connections: CONNECTIONS,
        warmUpSeconds: WARM_UP_SECONDS,
        seconds: SECONDS,
      });
      const bareMsPerRequest = 1000 / comparison.baseline.requestsPerSecond;
      const notes =
        comparison.ratio < 0.7
          ? [
              `The core's \`validateProvisioningRequest\` alone takes ${round(coreMs, 3)} ms per request of the example ` +
                `(YAML parse and io-ts decoding, measured in-process without HTTP), so one server process tops out near ` +
                `${Math.round(1000 / coreMs)} requests/s before any HTTP work; ours served ` +
                `${Math.round(comparison.subject.requestsPerSecond)}. The bare Koa server spends ` +
                `${round(bareMsPerRequest, 3)} ms per request in all: reaching 0.7 needs the whole request under ` +
                `${round(bareMsPerRequest / 0.7, 3)} ms. Proposal (core/adapter-http owners): memoize validation ` +
                `outcomes by descriptor text (a small LRU keyed by a hash of the request), since a coordinator sends the ` +
                `same descriptor to validate and then to provision; and check the parse for avoidable work (one ` +
                `\`parseDocument\` with the limits, no second pass).`,
            ]
          : [];
      return {
        notes,
        figures: [
          {
            figure: 'validate throughput: ours ÷ bare Koa',
            value: round(comparison.ratio),
            unit: 'ratio',
            target: '≥ 0.7',
            pass:
              comparison.ratio >= 0.7 && comparison.subject.non2xx === 0 && comparison.subject.errors === 0,
            details: {
              oursRps: Math.round(comparison.subject.requestsPerSecond),
              bareKoaRps: Math.round(comparison.baseline.requestsPerSecond),
              totalsRatio: round(comparison.totalsRatio),
              pairRatios: comparison.pairRatios.map((r) => round(r, 2)),
              oursLatencyP99Ms: comparison.subject.latencyP99Ms,
              bareKoaLatencyP99Ms: comparison.baseline.latencyP99Ms,
              oursNon2xx: comparison.subject.non2xx,
              oursErrors: comparison.subject.errors,
              coreValidateMsPerRequest: round(coreMs, 3),
              noiseFloorBareOverBare: round(calibration.ratio),
              noiseFloorPairRatios: calibration.pairRatios.map((r) => round(r, 2)),
              bodyBytes: Buffer.byteLength(body),
              airbyte: airbyte.kind,
            },
          },
        ],
      };
    } finally {
      await ours.stop();
      await bare.stop();
      await airbyte.stop();
    }
  },
};
