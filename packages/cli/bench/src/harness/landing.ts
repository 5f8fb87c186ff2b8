/**
 * The pieces the benchmarks measure that other work streams deliver (the sandbox, the descriptor
 * validation, the use-case factory, the example descriptor), loaded by name at run time. A piece not
 * exported yet makes its figures "not measured", with the reason, instead of breaking the whole bench.
 * The shapes below are what the benchmarks rely on.
 */
import type {
  CoreDeps,
  ConnectorProfiles,
  OperationFailure,
  OperationResult,
  ProvisioningError,
  ProvisioningRequest,
  TaskView,
} from '@airbyte-provisioner/core';
import type { Either } from 'fp-ts/lib/Either.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import type { SandboxCall } from './sandbox-protocol.js';

const exampleFile = join(repoRoot, 'examples', 'file-to-snowflake.yaml');

export interface SandboxHandle {
  readonly url: string;
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly calls: () => ReadonlyArray<SandboxCall>;
  readonly clearCalls: () => void;
  readonly setLatency: (ms: number) => void;
  readonly maxConcurrentRequests: () => number;
  readonly close: () => Promise<void>;
}

export type StartSandbox = (options: {
  readonly port?: number;
  readonly latencyMs?: number;
}) => Promise<SandboxHandle>;

type TaskEitherLike<E, A> = () => Promise<Either<E, A>>;

export interface UseCasesLike {
  readonly provision: (request: ProvisioningRequest) => TaskEitherLike<OperationFailure, OperationResult>;
  readonly unprovision: (request: ProvisioningRequest) => TaskEitherLike<OperationFailure, OperationResult>;
  readonly submitProvision: (request: ProvisioningRequest) => TaskEitherLike<OperationFailure, string>;
  readonly getProvisioningStatus: (
    token: string,
  ) => TaskEitherLike<ProvisioningError, TaskView<OperationResult>>;
  readonly checkReady: () => TaskEitherLike<ProvisioningError, void>;
}

export const NOT_MEASURED = 'not measured:';

const missing = (what: string, from: string): Error =>
  new Error(`${NOT_MEASURED} ${from} does not export ${what} yet`);

export const loadStartSandbox = async (): Promise<StartSandbox> => {
  const module = (await import('@airbyte-provisioner/adapter-airbyte/sandbox')) as Record<string, unknown>;
  const start = module['startAirbyteSandbox'];
  if (typeof start !== 'function') {
    throw missing('startAirbyteSandbox', '@airbyte-provisioner/adapter-airbyte/sandbox');
  }
  return start as StartSandbox;
};

const core = async (): Promise<Record<string, unknown>> => await import('@airbyte-provisioner/core');

/**
 * The Witboost example descriptor: the core's `witboostExampleDescriptor`, or until it is exported, the
 * same File → Snowflake workload from `examples/file-to-snowflake.yaml`.
 */
export const loadExampleDescriptor = async (): Promise<unknown> => {
  const module = await core();
  if ('witboostExampleDescriptor' in module) return module['witboostExampleDescriptor'];
  if (existsSync(exampleFile)) return readFileSync(exampleFile, 'utf8');
  throw missing('witboostExampleDescriptor', '@airbyte-provisioner/core');
};

export type ValidateRequest = (
  profiles: ConnectorProfiles,
  limits?: { readonly maxBytes: number; readonly maxAliasCount: number; readonly maxDepth: number },
) => (request: ProvisioningRequest) => unknown;

export const loadValidateProvisioningRequest = async (): Promise<ValidateRequest> => {
  const module = await core();
  const validate = module['validateProvisioningRequest'];
  if (typeof validate !== 'function') {
    throw missing('validateProvisioningRequest', '@airbyte-provisioner/core');
  }
  return validate as ValidateRequest;
};

/** `makeUseCases(deps)`, with the use cases the benchmarks call looked up under their likely names. */
export const loadMakeUseCases = async (): Promise<(deps: CoreDeps) => UseCasesLike> => {
  const module = await core();
  const make = module['makeUseCases'];
  if (typeof make !== 'function') throw missing('makeUseCases', '@airbyte-provisioner/core');
  return (deps) => {
    const all = (make as (deps: CoreDeps) => Record<string, unknown>)(deps);
    const pick = <F>(...names: string[]): F => {
      for (const name of names) if (typeof all[name] === 'function') return all[name] as F;
      throw new Error(
        `makeUseCases gives none of ${names.join(', ')} (it gives: ${Object.keys(all).join(', ')})`,
      );
    };
    return {
      provision: pick('provision'),
      unprovision: pick('unprovision'),
      submitProvision: pick('submitProvision', 'submit', 'provisionAsync', 'startProvision'),
      getProvisioningStatus: pick('getProvisioningStatus', 'provisioningStatus', 'status'),
      checkReady: pick('checkReady', 'ready'),
    };
  };
};
