/**
 * Validation of a provisioning request, end to end: descriptor kind, YAML, the component descriptor, the
 * targeted component and its Airbyte workload. Every problem is collected before answering, each with the
 * dot path a data engineer would look at.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import { problem, type Problem } from '../errors/problem.js';
import { decodeWith } from '../requests/decode.js';
import type { ProvisioningRequest } from '../requests/requests.codec.js';
import { ComponentDescriptorCodec, ComponentHeaderCodec } from './component-descriptor.codec.js';
import { buildDesiredState } from './desired-state.builder.js';
import { componentIn, recordOfComponent } from './previous-record.reader.js';
import { defaultYamlLimits, parseYamlSafely, type YamlLimits } from './safe-yaml.js';
import type { ValidatedComponent } from './validated-component.js';
import { workloadProblems } from './workload-rules.js';
import { WorkloadSpecific } from './workload-spec.codec.js';

type Validation<A> = E.Either<ReadonlyArray<Problem>, A>;

const isMapping = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const problemsOf = <A>(result: Validation<A>): ReadonlyArray<Problem> =>
  E.isLeft(result) ? result.left : [];

const descriptorKindProblems = (request: ProvisioningRequest): ReadonlyArray<Problem> =>
  request.descriptorKind === 'COMPONENT_DESCRIPTOR'
    ? []
    : [
        problem(
          'descriptorKind',
          `${request.descriptorKind} is not supported by this provisioner: send COMPONENT_DESCRIPTOR (the data product and componentIdToProvision)`,
        ),
      ];

interface Located {
  readonly index: number;
  readonly component: Record<string, unknown>;
}

/** The one component with this id and where it is, or the problem of finding none or several (one pass). */
const locateComponent = (components: ReadonlyArray<unknown>, id: string): Validation<Located> => {
  const matches: Located[] = [];
  components.forEach((component, index) => {
    if (isMapping(component) && component['id'] === id) matches.push({ index, component });
  });
  if (matches.length === 1) return E.right(matches[0]!);
  return E.left([
    matches.length === 0
      ? problem(
          'componentIdToProvision',
          `no component of dataProduct.components has the id ${JSON.stringify(id)}`,
        )
      : problem(
          'componentIdToProvision',
          `${matches.length} components have the id ${JSON.stringify(id)} (dataProduct.components[${matches.map((m) => m.index).join('], [')}]); ids must be unique`,
        ),
  ]);
};

const validateComponent = (
  component: Record<string, unknown>,
  path: string,
  profiles: ConnectorProfiles,
): Validation<Pick<ValidatedComponent, 'componentName' | 'desired' | 'warnings'>> => {
  // The header, the kind and the workload are all checked, so that every problem is told at once.
  const header = decodeWith(ComponentHeaderCodec, path)(component);
  const kind = component['kind'];
  const kindProblems =
    typeof kind !== 'string' || kind.trim() === '' || kind === 'workload'
      ? []
      : [
          problem(
            `${path}.kind`,
            `must be workload for the Airbyte provisioner; got ${JSON.stringify(kind)}`,
          ),
        ];
  const specific =
    component['specific'] === undefined
      ? E.left([problem(`${path}.specific`, 'is required: the Airbyte source, destination and connection')])
      : decodeWith(WorkloadSpecific, `${path}.specific`)(component['specific']);
  const problems = [
    ...problemsOf(header),
    ...kindProblems,
    ...problemsOf(specific),
    ...workloadProblems(component['specific'], `${path}.specific`),
  ];
  if (problems.length > 0 || E.isLeft(header) || E.isLeft(specific)) return E.left(problems);
  const warnings =
    specific.right.connection.dbtGitUrl === undefined
      ? []
      : [
          `${path}.specific.connection.dbtGitUrl is accepted for compatibility and ignored: this provisioner runs no dbt transformation`,
        ];
  return E.right({
    ...(header.right.name === undefined ? {} : { componentName: header.right.name }),
    desired: buildDesiredState(specific.right, profiles),
    warnings,
  });
};

const previousRecord = (
  request: ProvisioningRequest,
  component: unknown,
  componentId: string,
  limits: YamlLimits,
) => {
  if (request.latestEnrichedDescriptor !== undefined && request.latestEnrichedDescriptor.trim() !== '') {
    const enriched = parseYamlSafely(request.latestEnrichedDescriptor, 'latestEnrichedDescriptor', limits);
    const fromPlatform = E.isRight(enriched)
      ? recordOfComponent(componentIn(enriched.right, componentId))
      : O.none;
    if (O.isSome(fromPlatform)) return fromPlatform;
  }
  return recordOfComponent(component);
};

const validateDescriptor = (
  request: ProvisioningRequest,
  profiles: ConnectorProfiles,
  limits: YamlLimits,
): Validation<ValidatedComponent> => {
  const parsed = parseYamlSafely(request.descriptor, 'descriptor', limits);
  if (E.isLeft(parsed)) return parsed;
  if (!isMapping(parsed.right)) {
    return E.left([
      problem('descriptor', 'must be a YAML mapping with dataProduct and componentIdToProvision'),
    ]);
  }
  const descriptor = decodeWith(ComponentDescriptorCodec)(parsed.right);
  // A wrong header field (a number as name, a missing data product id) does not stop the component from
  // being checked: as long as the components and the id to provision can be read, all problems are told.
  const dataProduct = parsed.right['dataProduct'];
  const components = isMapping(dataProduct) ? dataProduct['components'] : undefined;
  const componentId = parsed.right['componentIdToProvision'];
  if (!Array.isArray(components) || typeof componentId !== 'string' || componentId.trim() === '') {
    // the codec refuses exactly these cases, so its problems say what is wrong
    return E.isLeft(descriptor) ? descriptor : E.left([problem('dataProduct', 'could not be read')]);
  }
  const located = locateComponent(components, componentId);
  const validated = E.isRight(located)
    ? validateComponent(located.right.component, `dataProduct.components[${located.right.index}]`, profiles)
    : located;
  if (E.isLeft(descriptor) || E.isLeft(located) || E.isLeft(validated)) {
    return E.left([...problemsOf(descriptor), ...problemsOf(validated)]);
  }
  const header = descriptor.right.dataProduct;
  return E.right({
    dataProduct: {
      id: header.id,
      ...(header.name === undefined ? {} : { name: header.name }),
      ...(header.domain === undefined ? {} : { domain: header.domain }),
      ...(header.environment === undefined ? {} : { environment: header.environment }),
      ...(header.version === undefined ? {} : { version: header.version }),
    },
    componentId,
    ...validated.right,
    previous: previousRecord(request, located.right.component, componentId, limits),
  });
};

const validateSafely = (
  request: ProvisioningRequest,
  profiles: ConnectorProfiles,
  limits: YamlLimits,
): Validation<ValidatedComponent> => {
  try {
    return validateDescriptor(request, profiles, limits);
  } catch {
    // Only a bug gets here, but a request must never crash the caller: the answer is still a problem.
    return E.left([
      problem(
        'descriptor',
        'could not be validated because of an internal error of the provisioner; please report this descriptor',
      ),
    ]);
  }
};

type Validator = (request: ProvisioningRequest) => Validation<ValidatedComponent>;

/**
 * Validation is a pure function of the request, the profiles and the limits: nothing is remembered
 * between calls (a caller that wants a cache wraps the validate use case in its composition root).
 */
export const validateProvisioningRequest =
  (profiles: ConnectorProfiles, limits: YamlLimits = defaultYamlLimits): Validator =>
  (request) => {
    const kindProblems = descriptorKindProblems(request);
    if (kindProblems.length > 0) return E.left(kindProblems);
    return validateSafely(request, profiles, limits);
  };
