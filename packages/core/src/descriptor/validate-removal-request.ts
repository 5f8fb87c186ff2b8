/**
 * Validation for an unprovision. Removing needs only what identifies the component's resources: the ids a
 * deploy recorded (`latestEnrichedDescriptor`), or the names. A descriptor that a deploy would refuse
 * (a connector setting since made invalid, a rule added after it was deployed) must not keep what it
 * deployed in Airbyte: when the full validation fails, the component is removed by its names and recorded
 * ids, and the problems are told as a warning.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import type { ConnectorSchemas } from '../ports/connector-schemas.port.js';
import type { DesiredActor, DesiredState } from '../domain/desired-state.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import { formatProblem, problem, type Problem } from '../errors/problem.js';
import type { ProvisioningRequest } from '../requests/requests.codec.js';
import { defaultYamlLimits, parseYamlSafely, type YamlLimits } from './safe-yaml.js';
import { declaredName, RESOURCE_KINDS, sharedNameProblems, type ResourceKindName } from './shared-names.js';
import { previousRecord, validateProvisioningRequest } from './validate-provisioning-request.js';
import type { DataProductHeader, ValidatedComponent } from './validated-component.js';

type Validation<A> = E.Either<ReadonlyArray<Problem>, A>;
type Mapping = Record<string, unknown>;

const isMapping = (u: unknown): u is Mapping => typeof u === 'object' && u !== null && !Array.isArray(u);

const text = (mapping: Mapping, key: string): string | undefined => {
  const value = mapping[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

const recordedIdKey = {
  source: 'sourceId',
  destination: 'destinationId',
  connection: 'connectionId',
} as const;

const recordedId = (record: O.Option<DeploymentRecord>, kind: ResourceKindName): string | undefined =>
  O.isSome(record) ? record.value[recordedIdKey[kind]] : undefined;

const actor = (name: string, connectorType: string): DesiredActor => ({
  name,
  connector: { _tag: 'ConnectorType', connectorType },
  configuration: {},
  secretPaths: [],
});

/** What undeploy reads of the desired state: the names (a resource found by its recorded id needs none). */
const identityOnly = (names: Readonly<Record<ResourceKindName, string>>): DesiredState => ({
  source: actor(names.source, 'file'),
  destination: actor(names.destination, 'snowflake'),
  connection: {
    name: names.connection,
    streams: { _tag: 'All' },
    schedule: { scheduleType: 'manual' },
    status: 'active',
    syncOnProvision: 'never',
  },
});

const headerOf = (dataProduct: Mapping): DataProductHeader => {
  const optional = (key: 'name' | 'domain' | 'environment' | 'version') => {
    const value = text(dataProduct, key);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    id: text(dataProduct, 'id') ?? '',
    ...optional('name'),
    ...optional('domain'),
    ...optional('environment'),
    ...optional('version'),
  };
};

const identify = (
  request: ProvisioningRequest,
  strictProblems: ReadonlyArray<Problem>,
  limits: YamlLimits,
): Validation<ValidatedComponent> => {
  const parsed = parseYamlSafely(request.descriptor, 'descriptor', limits);
  if (E.isLeft(parsed)) return parsed;
  const dataProduct = isMapping(parsed.right) ? parsed.right['dataProduct'] : undefined;
  const components = isMapping(dataProduct) ? dataProduct['components'] : undefined;
  const componentId = isMapping(parsed.right) ? text(parsed.right, 'componentIdToProvision') : undefined;
  if (!isMapping(dataProduct) || !Array.isArray(components) || componentId === undefined) {
    return E.left(strictProblems);
  }
  const indexes = components.flatMap((c, i) => (isMapping(c) && c['id'] === componentId ? [i] : []));
  if (indexes.length !== 1) return E.left(strictProblems);
  const index = indexes[0]!;
  const component = components[index] as Mapping;
  const path = `dataProduct.components[${index}].specific`;
  const previous = previousRecord(request, component, componentId, limits);
  const missing = RESOURCE_KINDS.filter(
    (kind) =>
      declaredName(component['specific'], kind) === undefined && recordedId(previous, kind) === undefined,
  );
  // a name another component declares too finds either one's resource: only a recorded id tells them apart
  const ambiguous = sharedNameProblems(
    components,
    index,
    RESOURCE_KINDS.filter((kind) => recordedId(previous, kind) === undefined),
  );
  if (missing.length > 0 || ambiguous.length > 0) {
    return E.left([
      ...missing.map((kind) =>
        problem(
          `${path}.${kind}.name`,
          `is required to find the ${kind} to remove (no id of it was recorded in latestEnrichedDescriptor)`,
        ),
      ),
      ...ambiguous,
    ]);
  }
  const nameOf = (kind: ResourceKindName): string => declaredName(component['specific'], kind) ?? '';
  const componentName = text(component, 'name');
  return E.right({
    dataProduct: headerOf(dataProduct),
    componentId,
    ...(componentName === undefined ? {} : { componentName }),
    desired: identityOnly({
      source: nameOf('source'),
      destination: nameOf('destination'),
      connection: nameOf('connection'),
    }),
    previous,
    warnings: [
      `The descriptor would not pass a deploy (${strictProblems.map(formatProblem).join('; ')}); its resources are removed by their recorded ids and names`,
    ],
  });
};

/** The full validation when it passes; else what identifies the component's resources, with a warning. */
export const validateRemovalRequest = (
  profiles: ConnectorProfiles,
  limits: YamlLimits = defaultYamlLimits,
  schemas?: ConnectorSchemas,
): ((request: ProvisioningRequest) => Validation<ValidatedComponent>) => {
  const validate = validateProvisioningRequest(profiles, limits, schemas);
  return (request) => {
    const strict = validate(request);
    if (E.isRight(strict) || request.descriptorKind !== 'COMPONENT_DESCRIPTOR') return strict;
    try {
      return identify(request, strict.left, limits);
    } catch {
      return strict;
    }
  };
};
