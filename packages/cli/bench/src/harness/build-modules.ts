/**
 * What the figures use of a build's code, looked up by name in its compiled modules. Two builds of
 * different ages export different names; a name missing from a build makes the figures that need it
 * "not measured", with the reason, instead of breaking the whole bench.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type {
  AirbyteGateway,
  ConnectorProfiles,
  CoreDeps,
  OperationResult,
  ProvisioningRequest,
} from '@airbyte-provisioner/core';
import type { Either } from 'fp-ts/lib/Either.js';
import { importFrom, type BuildModule } from './build.js';
import { benchProfiles } from './profiles.js';

export const NOT_MEASURED = 'not measured:';

const exported = async <A>(root: string, module: BuildModule, name: string): Promise<A> => {
  const loaded = await importFrom(root, module);
  if (!(name in loaded)) throw new Error(`${NOT_MEASURED} ${module} of ${root} does not export ${name}`);
  return loaded[name] as A;
};

const optional = async <A>(root: string, module: BuildModule, name: string): Promise<A | undefined> =>
  (await importFrom(root, module))[name] as A | undefined;

export type ValidateRequest = (
  profiles: ConnectorProfiles,
  limits?: { readonly maxBytes: number; readonly maxAliasCount: number; readonly maxDepth: number },
) => (request: ProvisioningRequest) => unknown;

export const loadValidate = (root: string): Promise<ValidateRequest> =>
  exported(root, 'core', 'validateProvisioningRequest');

type Operation = (request: ProvisioningRequest) => () => Promise<Either<unknown, OperationResult>>;

export interface BenchUseCases {
  readonly provision: Operation;
  readonly unprovision: Operation;
  readonly checkReady: () => () => Promise<Either<unknown, unknown>>;
}

/** The three use cases the figures drive, over the build's own in-memory stores and lock. */
export const loadUseCases = async (
  root: string,
  gateway: AirbyteGateway,
  workspaceId: string,
): Promise<BenchUseCases> => {
  const makeUseCases = await exported<(deps: CoreDeps) => BenchUseCases>(root, 'core', 'makeUseCases');
  return makeUseCases(await coreDeps(root, gateway, workspaceId));
};

/** The HMAC fingerprinter a server uses, with a key of this run. */
const benchFingerprinter = (): CoreDeps['fingerprinter'] => {
  const key = randomUUID();
  return { fingerprint: (values) => createHmac('sha256', key).update(values.join('\u0000')).digest('hex') };
};

type CreateCoreDeps = (overrides: Partial<CoreDeps>) => CoreDeps;
type Construct = new (...args: unknown[]) => unknown;

const coreDeps = async (root: string, gateway: AirbyteGateway, workspaceId: string): Promise<CoreDeps> => {
  const clock = { now: () => Date.now() };
  const wanted = {
    gateway,
    workspaceId,
    profiles: benchProfiles,
    clock,
    ids: { next: () => randomUUID() },
    fingerprinter: benchFingerprinter(),
  };
  const createCoreDeps = await optional<CreateCoreDeps>(root, 'core', 'createCoreDeps');
  if (createCoreDeps !== undefined) return createCoreDeps(wanted);
  // builds older than createCoreDeps: their in-memory pieces, wired as the CLI wired them
  const named = <A>(name: string): Promise<A> => exported<A>(root, 'core', name);
  const TaskRepository = await named<Construct>('InMemoryTaskRepository');
  const Lock = await named<Construct>('InMemoryLock');
  const Records = await named<Construct>('InMemoryDeploymentRecordRepository');
  const makeBackgroundWork = await named<() => CoreDeps['background']>('makeBackgroundWork');
  // builds older than the ownership registry never ask for one: a registry that knows no owner stands in
  const Ownership = await optional<Construct>(root, 'core', 'InMemoryOwnershipRegistry');
  const noOwners: CoreDeps['ownership'] = {
    ownersOf: () => () => Promise.resolve({ _tag: 'Right', right: [] }),
    claim: () => () => Promise.resolve({ _tag: 'Right', right: undefined }),
    release: () => () => Promise.resolve({ _tag: 'Right', right: undefined }),
  };
  return {
    ownership: Ownership === undefined ? noOwners : (new Ownership() as CoreDeps['ownership']),
    ...wanted,
    // builds of that age read `gateway`; `gatewayFor` is what this tree's CoreDeps type asks for
    gatewayFor: () => gateway,
    lock: new Lock() as CoreDeps['lock'],
    logger: await named<CoreDeps['logger']>('silentLogger'),
    provisioningTasks: new TaskRepository(clock) as CoreDeps['provisioningTasks'],
    validationTasks: new TaskRepository(clock) as CoreDeps['validationTasks'],
    deploymentRecords: new Records() as CoreDeps['deploymentRecords'],
    background: makeBackgroundWork(),
  };
};

export interface GatewayOptions {
  readonly baseUrl: string;
  readonly workspaceId: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly maxConcurrentCalls?: number;
}

/** The build's HTTP gateway, and the bound on calls in flight it uses by default. */
export const loadHttpGateway = async (
  root: string,
  options: GatewayOptions,
): Promise<{ readonly gateway: AirbyteGateway; readonly maxConcurrentCalls: number }> => {
  const make = await exported<(config: Record<string, unknown>) => AirbyteGateway>(
    root,
    'adapterAirbyte',
    'makeAirbytePublicApiGateway',
  );
  const defaultBound = await exported<number>(root, 'adapterAirbyte', 'DEFAULT_MAX_CONCURRENT_CALLS');
  const gateway = make({
    baseUrl: options.baseUrl,
    workspaceId: options.workspaceId,
    auth: { type: 'clientCredentials', ...options.credentials },
    ...(options.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: options.maxConcurrentCalls }),
  });
  return { gateway, maxConcurrentCalls: options.maxConcurrentCalls ?? defaultBound };
};

export const loadFakeGateway = async (root: string, workspaceId: string): Promise<AirbyteGateway> => {
  const Fake = await exported<Construct>(root, 'coreTesting', 'FakeAirbyteGateway');
  return new Fake({ workspaceId }) as AirbyteGateway;
};

export const loadDefaultBound = (root: string): Promise<number> =>
  exported(root, 'adapterAirbyte', 'DEFAULT_MAX_CONCURRENT_CALLS');

export interface TaskStore {
  readonly create: (token: string) => () => Promise<unknown>;
  readonly complete: (token: string, result: OperationResult) => () => Promise<Either<unknown, unknown>>;
  readonly size?: () => number;
}

/**
 * The build's default in-memory task store with its default limits, on the given clock: the one
 * `createCoreDeps` gives (the gateway is never called), or in builds older than it, the store the CLI built.
 */
export const loadDefaultTaskStore = async (
  root: string,
  clock: { readonly now: () => number },
): Promise<{ readonly store: TaskStore; readonly maxTasks: number }> => {
  const limits = await optional<{ readonly maxTasks: number }>(root, 'core', 'defaultTaskRepositoryLimits');
  const maxTasks = limits?.maxTasks ?? Number.NaN;
  const createCoreDeps = await optional<CreateCoreDeps>(root, 'core', 'createCoreDeps');
  if (createCoreDeps !== undefined) {
    const deps = createCoreDeps({
      gateway: {} as AirbyteGateway,
      workspaceId: 'bench-workspace',
      clock,
      ids: { next: () => randomUUID() },
      fingerprinter: benchFingerprinter(),
    });
    return { store: deps.provisioningTasks, maxTasks };
  }
  const Store = await exported<Construct>(root, 'core', 'InMemoryTaskRepository');
  return { store: new Store(clock) as TaskStore, maxTasks };
};
