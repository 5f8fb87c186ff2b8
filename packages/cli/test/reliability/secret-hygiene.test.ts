/**
 * Secret hygiene over a whole life cycle: provision, re-provision, status, failures, a refused caller,
 * unprovision. Every log line (pino into memory, at trace level) and every response body is kept, and
 * none may contain a configured secret value.
 */
import { expect } from 'chai';
import { startAirbyteSandbox, type AirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { requestOf } from './descriptors.js';
import { airbyteEnv, LEGACY, send, startProvisioner, tokenOf, type Provisioner } from './harness.js';

const API_TOKEN = 'api-T0ken-for-the-coordinator-0123456789';
const CLIENT_SECRET = 'sandb0x-Client-Secret-9f8e7d6c';
const FILE_PASSWORD = 'F1le-Provider-Passw0rd-xyz';

describe('reliability: secret hygiene over a full life cycle', function () {
  this.timeout(30_000);
  let sandbox: AirbyteSandbox;
  let p: Provisioner;
  const env = () => ({
    // one-shot faults below: no ordinary call may time out and use one up unseen
    ...airbyteEnv(sandbox.url, sandbox.workspaceId, sandbox.credentials),
    API_TOKEN,
  });
  const bodies: string[] = [];
  const call = async (path: string, body?: string, token = API_TOKEN) => {
    const answer = await send(`${p.url}${path}`, {
      ...(body === undefined ? {} : { body }),
      headers: { authorization: `Bearer ${token}` },
    });
    bodies.push(answer.text);
    return answer;
  };
  before(async () => {
    sandbox = await startAirbyteSandbox({ clientSecret: CLIENT_SECRET, jobDurationMs: 10 });
  });
  after(async () => {
    await sandbox.close();
  });

  it('no configured secret appears in any log line or response', async () => {
    const secrets = {
      snowflakePassword: airbyteEnv('', '', { clientId: '', clientSecret: '' })['SNOWFLAKE_PASSWORD'] ?? '',
      clientSecret: CLIENT_SECRET,
      apiToken: API_TOKEN,
      filePassword: FILE_PASSWORD,
    };
    p = await startProvisioner(env(), { captureLogs: true });
    // the status route needs the bearer token too, and its answers are response bodies to check
    const poll = async (token: string) => {
      for (let i = 0; i < 400; i += 1) {
        const answer = await call(`${LEGACY}/provision/${token}/status`);
        const status = (answer.json as { status?: string } | undefined)?.status;
        if (status !== 'RUNNING') return status;
        await new Promise((done) => setTimeout(done, 20));
      }
      return 'RUNNING';
    };
    const lifecycle = async (path: string, body: string) => {
      const accepted = await call(path, body);
      expect(accepted.status, accepted.text).to.equal(202);
      return poll(tokenOf(accepted));
    };
    try {
      const extra = `              password: ${FILE_PASSWORD}\n`;
      const first = requestOf({ key: 'secret', providerExtra: extra });
      const changed = requestOf({ key: 'secret', providerExtra: extra, schema: 'CHANGED' });
      expect(await lifecycle(`${LEGACY}/provision`, first)).to.equal('COMPLETED');
      expect(await lifecycle(`${LEGACY}/provision`, changed)).to.equal('COMPLETED');
      expect((await call(`${LEGACY}/validate`, first)).status).to.equal(200);
      // failures: a 500 on the update, a lost answer, a refused configuration
      sandbox.inject({ match: { method: 'PUT' }, action: { type: 'status', status: 500 } });
      expect(await lifecycle(`${LEGACY}/provision`, first)).to.equal('FAILED');
      sandbox.inject({ match: { method: 'PUT' }, action: { type: 'drop' }, when: 'after' });
      expect(['COMPLETED', 'FAILED']).to.include(await lifecycle(`${LEGACY}/provision`, changed));
      sandbox.inject({
        match: { method: 'PUT' },
        action: {
          type: 'status',
          status: 422,
          body: { title: 'unprocessable', detail: 'bad configuration' },
        },
      });
      expect(await lifecycle(`${LEGACY}/provision`, first)).to.equal('FAILED');
      sandbox.clearFaults();
      // a caller with a wrong token, and one who sends the token as the descriptor
      expect((await call(`${LEGACY}/provision`, first, `${API_TOKEN}x`)).status).to.equal(401);
      expect(
        (
          await call(
            `${LEGACY}/validate`,
            JSON.stringify({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor: `x: ${FILE_PASSWORD}` }),
          )
        ).status,
      ).to.equal(200);
      // Airbyte refusing the provisioner's credentials
      sandbox.revokeTokens();
      sandbox.inject({ match: { path: '/applications/token' }, action: { type: 'status', status: 401 } });
      expect(await lifecycle(`${LEGACY}/provision`, changed)).to.equal('FAILED');
      sandbox.clearFaults();
      expect(await lifecycle(`${LEGACY}/unprovision`, changed)).to.equal('COMPLETED');
      expect(await lifecycle(`${LEGACY}/unprovision`, changed)).to.equal('COMPLETED');

      expect(p.logs.length).to.be.greaterThan(20);
      const everything = [...p.logs, ...bodies];
      for (const [name, value] of Object.entries(secrets)) {
        expect(value.length, name).to.be.greaterThan(8);
        const leaks = everything.filter((text) => text.includes(value));
        expect(leaks, `${name} leaked in:\n${leaks.slice(0, 3).join('\n')}`).to.deep.equal([]);
      }
      // the sandbox masks it on read, as Airbyte does
      expect(JSON.stringify(sandbox.snapshot())).not.to.include(FILE_PASSWORD);
    } finally {
      await p.close();
    }
  });
});
