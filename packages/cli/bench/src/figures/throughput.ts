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
/**
 * The core's validation in-process, per request: of the body the bench sends (the server has seen it
 * before, so it is answered from the validation memo) and of a copy it has not seen (parse and decode).
 */
const coreValidateMs = async (
  body: string,
): Promise<{ readonly remembered: number; readonly fresh: number }> => {
  const validate = (await loadValidateProvisioningRequest())(benchProfiles);
  const request = JSON.parse(body) as ProvisioningRequest;
  const timed = (requests: ReadonlyArray<ProvisioningRequest>): number => {
    const started = performance.now();
    for (const r of requests) validate(r);
    return (performance.now() - started) / requests.length;
  };
  const same = Array.from({ length: 1000 }, () => request);
  const copies = Array.from({ length: 400 }, (_, i) => ({
    ...request,
    descriptor: `${request.descriptor}\n# ${i}`,
  }));
  timed(same.slice(0, 200));
  timed(copies.slice(0, 100));
  return { remembered: timed(same), fresh: timed(copies.slice(100)) };
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
              `The bare Koa server spends ${round(bareMsPerRequest, 3)} ms per request in all; reaching 0.7 needs ` +
                `ours under ${round(bareMsPerRequest / 0.7, 3)} ms, and ours took ` +
                `${round(1000 / comparison.subject.requestsPerSecond, 3)} ms. The core's validation is not what is ` +
                `missing: the bench sends one descriptor again and again, which the validation memo answers in ` +
                `${round(coreMs.remembered, 4)} ms (a descriptor not seen before costs ${round(coreMs.fresh, 3)} ms ` +
                `to parse and decode). The rest is the HTTP layer's own work per request (routing among both route ` +
                `families, request id and metrics, decoding the envelope), against a bare server that only echoes. ` +
                `The noise between two identical bare servers in this run was ${round(calibration.ratio, 2)} ` +
                `(pair ratios ${calibration.pairRatios.map((r) => round(r, 2)).join(', ')}): on this machine the ` +
                `figure moves by about that much from one run to the next.`,
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
              coreValidateMsRemembered: round(coreMs.remembered, 4),
              coreValidateMsFirstSeen: round(coreMs.fresh, 3),
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
