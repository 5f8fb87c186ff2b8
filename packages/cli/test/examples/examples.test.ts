/**
 * Every file in `examples/` is what the README says it is: each descriptor is valid (but `invalid.yaml`,
 * which lists several problems), the request is a valid ProvisioningRequest, the profiles file loads. A
 * new example must be added here, or the first test fails.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { ProvisioningRequest } from '@airbyte-provisioner/core';
import { runCli } from '../../src/commands/program.js';
import { loadConfig } from '../../src/config/load-config.js';
import { example } from '../support/child-cli.js';
import { memoryIo } from '../support/memory-io.js';

const INVALID = 'invalid.yaml';
const REQUEST = 'provision-request.json';
const PROFILES = 'provisioner-config.yaml';

/** Every example file that is a component descriptor. */
const descriptors = async (): Promise<ReadonlyArray<string>> =>
  (await readdir(example(''))).filter((name) => name.endsWith('.yaml') && name !== PROFILES);

interface Validated {
  readonly code: number;
  readonly outcome: {
    readonly valid: boolean;
    readonly problems?: ReadonlyArray<{ path: string }>;
    readonly warnings?: ReadonlyArray<string>;
  };
}

/** `airbyte-provisioner validate <file> --json`, in-process. */
const validate = async (name: string, env: Record<string, string> = {}): Promise<Validated> => {
  const io = memoryIo(env);
  const code = await runCli(['validate', example(name), '--json'], io);
  return { code, outcome: JSON.parse(io.out()) as Validated['outcome'] };
};

/** The platform configuration of the example profiles file, as a deployment would set it. */
const withExampleProfiles = { PROVISIONER_CONFIG: example(PROFILES), SNOWFLAKE_PASSWORD: 'pw-from-env' };

describe('examples', () => {
  it('holds only files these tests know: descriptors, the request and the profiles file', async () => {
    const files = await readdir(example(''));
    const known = new Set([...(await descriptors()), REQUEST, PROFILES]);
    expect(files.filter((name) => !known.has(name))).to.deep.equal([]);
    expect(await descriptors()).to.include.members([
      'file-to-snowflake.yaml',
      'selected-streams-cron.yaml',
      INVALID,
    ]);
  });

  it('every descriptor but invalid.yaml is valid, with or without the example profiles', async () => {
    // without profiles, the connector schema says what the platform must still set for Snowflake
    const unset = ['host', 'role', 'warehouse', 'username'];
    for (const name of (await descriptors()).filter((n) => n !== INVALID)) {
      for (const env of [{}, withExampleProfiles]) {
        const { code, outcome } = await validate(name, env);
        const warned = (outcome.warnings ?? []).map((w) =>
          w.replace(
            /^.*\.destination\.connectionConfiguration\.(\w+) is required by the snowflake destination .*$/,
            '$1',
          ),
        );
        expect(outcome.valid, name).to.equal(true);
        expect(warned, name).to.deep.equal(env === withExampleProfiles ? [] : unset);
        expect(code, name).to.equal(0);
      }
    }
  });

  it('invalid.yaml fails, listing several problems at once, each with its path', async () => {
    const { code, outcome } = await validate(INVALID);
    expect(code).to.equal(1);
    expect(outcome.valid).to.equal(false);
    expect(outcome.problems?.length).to.be.greaterThan(2);
    for (const p of outcome.problems ?? [])
      expect(p.path).to.match(/^dataProduct\.components\[0\]\.specific\./);
  });

  it('provision-request.json is a valid ProvisioningRequest carrying exactly file-to-snowflake.yaml', async () => {
    const request: unknown = JSON.parse(await readFile(example(REQUEST), 'utf8'));
    const decoded = ProvisioningRequest.decode(request);
    expect(E.isRight(decoded)).to.equal(true);
    expect((request as { descriptor: string }).descriptor).to.equal(
      await readFile(example('file-to-snowflake.yaml'), 'utf8'),
    );
    const { code, outcome } = await validate(REQUEST, withExampleProfiles);
    expect(outcome).to.deep.equal({ valid: true });
    expect(code).to.equal(0);
  });

  it('provisioner-config.yaml is a valid profiles file, its password taken from the env', async () => {
    const text = await readFile(example(PROFILES), 'utf8');
    const loaded = loadConfig({
      env: { PROVISIONER_CONFIG: 'examples/provisioner-config.yaml', SNOWFLAKE_PASSWORD: 'pw-from-env' },
      readTextFile: () => E.right(text),
    });
    if (E.isLeft(loaded)) throw new Error(JSON.stringify(loaded.left));
    expect(loaded.right.profiles.destinations['snowflake']?.enforced['credentials']).to.deep.equal({
      auth_type: 'Username and Password',
      password: 'pw-from-env',
    });
    expect(text).not.to.contain('pw-from-env');
    const withoutPassword = loadConfig({
      env: { PROVISIONER_CONFIG: 'examples/provisioner-config.yaml' },
      readTextFile: () => E.right(text),
    });
    expect(E.isLeft(withoutPassword) && withoutPassword.left.map((p) => p.path)).to.deep.equal([
      'examples/provisioner-config.yaml: destinations.snowflake.enforced.credentials.password',
    ]);
  });
});
