/**
 * Hostile input at volume: every body of the corpus against every POST route. Each answer is a 4xx with the
 * documented RequestValidationError shape (or, on the validate routes, the documented `valid: false` /
 * accepted token for a well-formed request with a bad descriptor); nothing is deployed; the server lives.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { requestOf } from './descriptors.js';
import { hostileCorpus, type HostileBody } from './hostile-corpus.js';
import { airbyteEnv, LEGACY, send, startProvisioner, type Answer, type Provisioner } from './harness.js';

const ROUTES = [
  `${LEGACY}/validate`,
  `${LEGACY}/provision`,
  `${LEGACY}/unprovision`,
  `${LEGACY}/updateacl`,
  '/v1/validate',
  '/v2/validate',
  '/v1/provision',
  '/v1/unprovision',
  '/v1/updateacl',
  '/v1/reverse-provisioning',
];

// the suite runs without --expose-gc; this turns it on for this process so the heap can be compared
const exposedGc = (): (() => void) => {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
};

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

const isRequestValidationError = (json: unknown): boolean => {
  if (typeof json !== 'object' || json === null) return false;
  const body = json as Record<string, unknown>;
  const more = body['moreInfo'] as Record<string, unknown> | undefined;
  return (
    isStrings(body['errors']) &&
    (body['errors'] as unknown[]).length > 0 &&
    typeof body['userMessage'] === 'string' &&
    typeof more === 'object' &&
    more !== null &&
    isStrings(more['problems']) &&
    isStrings(more['solutions'])
  );
};

const acceptable = (route: string, item: HostileBody, answer: Answer): boolean => {
  if (answer.status >= 400 && answer.status < 500 && isRequestValidationError(answer.json)) return true;
  if (!item.wellFormed) return false;
  if (route.endsWith('/validate') && !route.startsWith('/v2') && answer.status === 200) {
    const body = answer.json as { valid?: unknown; error?: { errors?: unknown } } | undefined;
    return (
      body?.valid === false && isStrings(body.error?.errors) && (body.error?.errors as unknown[]).length > 0
    );
  }
  // the async validation accepts any well-formed request and reports the problems on its status
  return route === '/v2/validate' && answer.status === 202;
};

describe('reliability: hostile input at volume', function () {
  this.timeout(60_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;
  before(async () => {
    sandbox = await startAirbyteSandbox({});
    p = await startProvisioner(airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials));
  });
  after(async () => {
    await p.close();
    await sandbox.close();
  });

  it('answers ≥ 200 hostile bodies on every POST route with a documented 4xx, deploys nothing, stays alive', async () => {
    const corpus = hostileCorpus();
    expect(corpus.length).to.be.at.least(200);
    // control: the same routes accept a valid request, so a refusal below is about the body
    const control = await send(`${p.url}/v1/validate`, { body: requestOf({ key: 'control' }) });
    expect(control.json).to.deep.equal({ valid: true });
    const gc = exposedGc();
    gc();
    // the heap, and what lives outside it (request bodies are Buffers)
    const baseline = process.memoryUsage();
    const wrong: string[] = [];
    for (const item of corpus) {
      const routes = item.huge === true ? [ROUTES[1] ?? '', ROUTES[4] ?? ''] : ROUTES;
      const answers = await Promise.all(routes.map((route) => send(`${p.url}${route}`, { body: item.body })));
      answers.forEach((answer, i) => {
        const route = routes[i] ?? '';
        if (!acceptable(route, item, answer))
          wrong.push(`${item.name} → ${route}: ${answer.status} ${answer.text.slice(0, 200)}`);
      });
    }
    expect(wrong, wrong.slice(0, 10).join('\n')).to.deep.equal([]);
    expect(sandbox.snapshot().sources).to.deep.equal([]);
    expect(sandbox.snapshot().connections).to.deep.equal([]);
    const health = await send(`${p.url}/health`);
    expect(health.status).to.equal(200);
    // buffers are given back by a sweeper after the collection that frees them: let it run
    for (let i = 0; i < 5; i += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = process.memoryUsage();
    expect(after.heapUsed - baseline.heapUsed).to.be.below(32 * 1024 * 1024);
    // other tests' servers in this process may still hold socket buffers: a looser bound, which a leak
    // of the bodies (several of 10 MB each, a thousand requests) still breaks
    expect(after.external - baseline.external).to.be.below(160 * 1024 * 1024);
  });
});
