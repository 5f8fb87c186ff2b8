/** Validates and provisions a descriptor with the core embedded in a program of your own. */
import { createCoreDeps, describeError, formatProblem, makeUseCases } from '@airbyte-provisioner/core';
import type { ConnectorProfiles, ProvisioningRequest } from '@airbyte-provisioner/core';
import { FakeAirbyteGateway, witboostExampleDescriptor } from '@airbyte-provisioner/core/testing';
import { nodePlatform } from '@airbyte-provisioner/node-runtime';

// What the platform sets and descriptors do not carry: here, the Snowflake account and its credentials.
const snowflake = { host: 'acme.snowflakecomputing.com', role: 'LOADER', warehouse: 'LOADING' };
const profiles: ConnectorProfiles = {
  sources: {},
  destinations: {
    snowflake: {
      enforced: { ...snowflake, username: 'AIRBYTE', credentials: { password: 's3cret' } },
      defaults: {},
    },
  },
};

// An Airbyte workspace in memory; against a real one: makeAirbytePublicApiGateway from adapter-airbyte.
const gateway = new FakeAirbyteGateway();
const deps = createCoreDeps({ gateway, workspaceId: gateway.workspaceId, profiles, ...nodePlatform() });
const useCases = makeUseCases(deps);

const request: ProvisioningRequest = {
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: witboostExampleDescriptor,
};
const validation = await useCases.validate(request)();
if (!validation.valid) throw new Error(validation.problems.map(formatProblem).join('\n'));

for (const attempt of ['first', 'second']) {
  const outcome = await useCases.provision(request)();
  if (outcome._tag === 'Left') throw new Error(describeError(outcome.left.error));
  console.log(`${attempt} provision: ${outcome.right.message}`);
}
