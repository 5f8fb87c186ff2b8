import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { ProvisioningRequest } from '@airbyte-provisioner/core';
import { loadConfig } from '../../src/config/load-config.js';
import { example } from '../support/child-cli.js';

describe('examples', () => {
  it('provision-request.json is a ProvisioningRequest carrying exactly file-to-snowflake.yaml', async () => {
    const request: unknown = JSON.parse(await readFile(example('provision-request.json'), 'utf8'));
    const decoded = ProvisioningRequest.decode(request);
    expect(E.isRight(decoded)).to.equal(true);
    expect((request as { descriptor: string }).descriptor).to.equal(
      await readFile(example('file-to-snowflake.yaml'), 'utf8'),
    );
  });

  it('provisioner-config.yaml is a valid profiles file, its password taken from the env', async () => {
    const text = await readFile(example('provisioner-config.yaml'), 'utf8');
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
