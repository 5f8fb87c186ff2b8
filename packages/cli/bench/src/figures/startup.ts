import { median, round, type FigureGroup } from '../harness/figure.js';
import { airbyteForServers } from '../harness/server-airbyte.js';
import { benchProfileEnv } from '../harness/profiles.js';
import { startBareKoa, startOurServer, type RunningServer } from '../harness/servers.js';

const RUNS = 7;

export const startupGroup: FigureGroup = {
  id: 'startup',
  title: 'Start-up',
  method: `
Time from spawning the process to the first \`200\` on \`GET /health\` (polled every 2 ms over a fresh
connection), for \`node packages/cli/dist/bundle/airbyte-provisioner.js serve\` (the bundle the package's \`bin\` runs) and for \`node\` running a bare Koa app
(Koa + koa-bodyparser, the versions adapter-http ships). Both are started the same way: \`node <script>\`,
no extra flags, \`LOG_LEVEL=warn\`, \`HOST=127.0.0.1\`, a free \`PORT\`. Our server is configured with
\`AIRBYTE_API_URL\` pointing at a sandbox started beforehand in its own process, so the sandbox's start is
not counted. ${RUNS} runs each, alternating, after one discarded run of each (disk cache); figure: median ÷
median. Target ≤ 1.5.`,
  run: async () => {
    const airbyte = await airbyteForServers();
    const serverEnv = { ...airbyte.env, ...benchProfileEnv };
    try {
      const ours: number[] = [];
      const bare: number[] = [];
      const once = async (start: () => Promise<RunningServer>, into: number[] | null): Promise<void> => {
        const server = await start();
        into?.push(server.startupMs);
        await server.stop();
      };
      await once(() => startOurServer(serverEnv), null);
      await once(startBareKoa, null);
      for (let run = 0; run < RUNS; run += 1) {
        await once(() => startOurServer(serverEnv), ours);
        await once(startBareKoa, bare);
      }
      const ratio = median(ours) / median(bare);
      return {
        figures: [
          {
            figure: 'start-up: time to /health ÷ bare Koa',
            value: round(ratio),
            unit: 'ratio',
            target: '≤ 1.5',
            pass: ratio <= 1.5,
            details: {
              oursMedianMs: round(median(ours), 1),
              bareKoaMedianMs: round(median(bare), 1),
              oursMs: ours.map((ms) => round(ms, 1)),
              bareKoaMs: bare.map((ms) => round(ms, 1)),
              airbyte: airbyte.kind,
            },
          },
        ],
      };
    } finally {
      await airbyte.stop();
    }
  },
};
