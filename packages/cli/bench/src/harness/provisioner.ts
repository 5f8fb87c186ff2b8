/**
 * The provisioner as the server runs it, minus HTTP: the core's use cases over the real
 * AirbytePublicApiGateway (talking HTTP to the sandbox child), with the in-memory lock, task store and
 * deployment records, an HMAC fingerprinter and the gateway's default limits unless told otherwise.
 */
import { createHmac, randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import {
  DEFAULT_MAX_CONCURRENT_CALLS,
  makeAirbytePublicApiGateway,
} from '@airbyte-provisioner/adapter-airbyte';
import {
  InMemoryDeploymentRecordRepository,
  InMemoryOwnershipRegistry,
  InMemoryLock,
  InMemoryTaskRepository,
  makeBackgroundWork,
  silentLogger,
  type CoreDeps,
  type OperationResult,
  type ProvisioningRequest,
  type ValidationOutcome,
} from '@airbyte-provisioner/core';
import { loadMakeUseCases, NOT_MEASURED } from './landing.js';
import { benchProfiles } from './profiles.js';
import type { SandboxChild } from './sandbox-child.js';

export interface BenchProvisioner {
  readonly provision: (descriptor: string) => Promise<OperationResult>;
  readonly unprovision: (descriptor: string) => Promise<OperationResult>;
  /** Starts a provision in the background; resolves with its task token. */
  readonly submit: (descriptor: string) => Promise<string>;
  /** Resolves once every background operation has finished. */
  readonly drain: () => Promise<void>;
  readonly status: (token: string) => Promise<string>;
  readonly checkReady: () => Promise<void>;
  readonly maxConcurrentCalls: number;
  /** What drives the gateway: the use cases, or (transitional) the deploy engine directly. */
  readonly via: string;
}

export interface BenchProvisionerOptions {
  readonly maxConcurrentCalls?: number;
}

const request = (descriptor: string): ProvisioningRequest => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor,
});

const rightOrThrow = <A>(what: string, outcome: E.Either<unknown, A>): A => {
  if (E.isLeft(outcome)) throw new Error(`${what} failed: ${JSON.stringify(outcome.left).slice(0, 1500)}`);
  return outcome.right;
};

export const makeBenchProvisioner = async (
  sandbox: SandboxChild,
  options: BenchProvisionerOptions = {},
): Promise<BenchProvisioner> => {
  const makeUseCases = await loadMakeUseCases().catch((error: unknown) => {
    if (error instanceof Error && error.message.startsWith(NOT_MEASURED)) return null;
    throw error;
  });
  const maxConcurrentCalls = options.maxConcurrentCalls ?? DEFAULT_MAX_CONCURRENT_CALLS;
  const clock = { now: () => Date.now() };
  const key = randomUUID();
  const background = makeBackgroundWork();
  const gateway = makeAirbytePublicApiGateway({
    baseUrl: sandbox.url,
    workspaceId: sandbox.workspaceId,
    auth: { type: 'clientCredentials', ...sandbox.credentials },
    ...(options.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: options.maxConcurrentCalls }),
  });
  const deps: CoreDeps = {
    gateway,
    gatewayFor: (logger) => gateway.withLogger(logger),
    workspaceId: sandbox.workspaceId,
    profiles: benchProfiles,
    clock,
    ids: { next: () => randomUUID() },
    lock: new InMemoryLock(),
    fingerprinter: {
      fingerprint: (values) => createHmac('sha256', key).update(values.join('\u0000')).digest('hex'),
    },
    logger: silentLogger,
    provisioningTasks: new InMemoryTaskRepository<OperationResult>(clock),
    validationTasks: new InMemoryTaskRepository<ValidationOutcome>(clock),
    deploymentRecords: new InMemoryDeploymentRecordRepository(),
    ownership: new InMemoryOwnershipRegistry(),
    background,
  };
  if (makeUseCases === null) throw new Error('@airbyte-provisioner/core exports no makeUseCases');
  const useCases = makeUseCases(deps);
  return {
    via: 'use cases (makeUseCases)',
    provision: async (descriptor) =>
      rightOrThrow('provision', await useCases.provision(request(descriptor))()),
    unprovision: async (descriptor) =>
      rightOrThrow('unprovision', await useCases.unprovision(request(descriptor))()),
    submit: async (descriptor) =>
      rightOrThrow('submit', await useCases.submitProvision(request(descriptor))()),
    drain: () => background.drain(),
    status: async (token) => rightOrThrow('status', await useCases.getProvisioningStatus(token)()).status,
    checkReady: async () => {
      rightOrThrow('readiness check', await useCases.checkReady()());
    },
    maxConcurrentCalls,
  };
};
