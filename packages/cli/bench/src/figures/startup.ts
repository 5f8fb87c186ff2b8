import type { Build } from '../harness/build.js';
import type { FigureGroup } from '../harness/figure.js';
import { measureFigure, type Session } from '../harness/measure.js';
import { benchProfileEnv } from '../harness/profiles.js';
import { interleavedRatio } from '../harness/rounds.js';
import { airbyteForServers } from '../harness/server-airbyte.js';
import { startBareKoa, startServerOf, type RunningServer } from '../harness/servers.js';
import { median, round } from '../harness/stats.js';
import { atMost } from '../harness/target.js';

const TARGET = 1.5;
const BUDGET_SECONDS = 80;

const startupMs = async (start: () => Promise<RunningServer>, into: number[]): Promise<number> => {
  const server = await start();
  await server.stop();
  into.push(server.startupMs);
  return server.startupMs;
};

const openSession =
  (env: Readonly<Record<string, string>>) =>
  async (build: Build): Promise<Session> => {
    const ours: number[] = [];
    const bare: number[] = [];
    // one start of each first, not measured: the disk cache
    await startupMs(() => startServerOf(build, env), []);
    await startupMs(startBareKoa, []);
    return {
      sample: (n) =>
        interleavedRatio(
          n,
          () => startupMs(() => startServerOf(build, env), ours),
          () => startupMs(startBareKoa, bare),
        ),
      details: () =>
        Promise.resolve({ oursMedianMs: round(median(ours), 1), bareKoaMedianMs: round(median(bare), 1) }),
      close: () => Promise.resolve(),
    };
  };

export const startupGroup: FigureGroup = {
  id: 'startup',
  title: 'Start-up',
  method: `
Time from spawning the process to the first \`200\` on \`GET /health\` (polled every 2 ms over a fresh
connection), for a build's \`node packages/cli/dist/bundle/airbyte-provisioner.js serve\` (the bundle the
package's \`bin\` runs) and for \`node\` running a bare Koa app (Koa + koa-bodyparser). Both are started the
same way: \`node <script>\`, no extra flags, \`LOG_LEVEL=warn\`, \`HOST=127.0.0.1\`, a free \`PORT\`. Our server's
\`AIRBYTE_API_URL\` points at a sandbox started beforehand in its own process. One discarded start of each
first (disk cache); a round is one start of each, in alternating order, and its value is ours ÷ bare.
Target ≤ ${TARGET}.`,
  run: async (context) => {
    const airbyte = await airbyteForServers();
    try {
      const figure = await measureFigure(
        context,
        {
          name: 'start-up: time to /health ÷ bare Koa',
          unit: 'ratio',
          target: atMost(TARGET),
          budgetSeconds: BUDGET_SECONDS,
        },
        openSession({ ...airbyte.env, ...benchProfileEnv }),
      );
      return { figures: [figure] };
    } finally {
      await airbyte.stop();
    }
  },
};
