/**
 * Validation of a provisioning request, end to end: descriptor kind, YAML, the component descriptor, the
 * targeted component and its Airbyte workload. Every problem is collected before answering, each with the
 * dot path a data engineer would look at.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import { problem, type Problem } from '../errors/problem.js';
import { decodeWith } from '../requests/decode.js';
import type { ProvisioningRequest } from '../requests/requests.codec.js';
import { ComponentDescriptorCodec, ComponentHeaderCodec } from './component-descriptor.codec.js';
import { buildDesiredState } from './desired-state.builder.js';
import { adoptedRecordOf, componentIn, recordOfComponent } from './previous-record.reader.js';
import { defaultYamlLimits, parseYamlSafely, type YamlLimits } from './safe-yaml.js';
import type { ValidatedComponent } from './validated-component.js';
import type { ConnectorSchemas } from '../ports/connector-schemas.port.js';
import { airbyteNameProblems } from './airbyte-names.js';
import { checkAgainstSchemas } from './connector-schema-check.js';
import {
  declaredName,
  looksLikeAirbyteWorkload,
  RESOURCE_KINDS,
  sharedNameProblems,
} from './shared-names.js';
import { templateDestinationDefaults } from './template-defaults.js';
import { normalizeTemplateShapes } from './template-shapes.js';
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

const describeComponent = (component: Record<string, unknown>): string => {
  const said = ['kind', 'technology', 'useCaseTemplateId', 'infrastructureTemplateId'].flatMap((key) => {
    const value = component[key];
    return typeof value === 'string' && value.trim() !== '' ? [`${key} ${JSON.stringify(value)}`] : [];
  });
  return said.length === 0 ? '' : ` (${said.join(', ')})`;
};

/** One problem for a component of another kind of workload, instead of one per missing part. */
const notAirbyteProblem = (component: Record<string, unknown>, path: string): Problem =>
  problem(
    `${path}.specific`,
    `does not look like an Airbyte workload: it declares none of source, destination and connection${describeComponent(component)}. This provisioner deploys components made from the Airbyte workload template; check that componentIdToProvision names one`,
  );

const nameProblems = (specific: unknown, path: string): ReadonlyArray<Problem> =>
  RESOURCE_KINDS.flatMap((kind) => {
    const name = declaredName(specific, kind);
    return name === undefined ? [] : airbyteNameProblems(name, `${path}.${kind}.name`);
  });

const destinationTypeOf = (specific: unknown): string => {
  const destination = isMapping(specific) ? specific['destination'] : undefined;
  const type = isMapping(destination) ? destination['destinationType'] : undefined;
  return typeof type === 'string' ? type : 'snowflake';
};

const validateComponent = (
  component: Record<string, unknown>,
  path: string,
  profiles: ConnectorProfiles,
  dataProduct: Record<string, unknown>,
  schemas: ConnectorSchemas | undefined,
): Validation<Pick<ValidatedComponent, 'componentName' | 'desired' | 'warnings'>> => {
  // Never refused for its technology or template ids (the original provisioner's own fixtures say
  // `technology: dbt`): only a `specific` with no Airbyte part at all is not ours.
  if (!looksLikeAirbyteWorkload(component['specific'])) return E.left([notAirbyteProblem(component, path)]);
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
  const normalized = normalizeTemplateShapes(component['specific'], `${path}.specific`);
  const specific = decodeWith(WorkloadSpecific, `${path}.specific`)(normalized.specific);
  const problems = [
    ...problemsOf(header),
    ...kindProblems,
    ...problemsOf(specific),
    // the File source's own rules stand in for its schema when no schemas are given
    ...workloadProblems(
      normalized.specific,
      `${path}.specific`,
      schemas?.schemaOf('source', 'file') === undefined,
    ),
    ...nameProblems(normalized.specific, `${path}.specific`),
  ];
  // the connector settings are checked even when other parts have problems, so that all are told at
  // once: the connection, which may be what is wrong, is then left out (a stand-in that decodes)
  const actors: E.Either<unknown, WorkloadSpecific> =
    E.isRight(specific) && problems.length === 0
      ? specific
      : WorkloadSpecific.decode(
          isMapping(normalized.specific)
            ? { ...normalized.specific, connection: { name: 'connection' } }
            : normalized.specific,
        );
  if (E.isLeft(actors)) return E.left(problems);
  const resolvable = actors.right;
  const templateDefaults = {
    destination: templateDestinationDefaults(destinationTypeOf(normalized.specific), dataProduct),
  };
  const desired = buildDesiredState(resolvable, profiles, templateDefaults);
  const checked =
    schemas === undefined
      ? { desired, problems: [], warnings: [] }
      : checkAgainstSchemas(schemas, desired, `${path}.specific`, {
          profiles,
          typeWritten: {
            source: resolvable.source.sourceType !== undefined,
            destination: resolvable.destination.destinationType !== undefined,
          },
          writtenKeys: {
            source: Object.keys(resolvable.source.connectionConfiguration),
            destination: Object.keys(resolvable.destination.connectionConfiguration),
          },
        });
  if (problems.length > 0 || checked.problems.length > 0 || E.isLeft(header) || E.isLeft(specific)) {
    return E.left([...problems, ...checked.problems]);
  }
  return E.right({
    ...(header.right.name === undefined ? {} : { componentName: header.right.name }),
    desired: checked.desired,
    warnings: [...normalized.warnings, ...checked.warnings],
  });
};

/** A validation with more problems: a left with them added, or a left of them alone. */
const withProblems = <A>(result: Validation<A>, more: ReadonlyArray<Problem>): Validation<A> =>
  more.length === 0 ? result : E.left([...problemsOf(result), ...more]);

export const previousRecord = (
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
  return pipe(
    recordOfComponent(component),
    O.alt(() => adoptedRecordOf(component)),
  );
};

const validateDescriptor = (
  request: ProvisioningRequest,
  profiles: ConnectorProfiles,
  limits: YamlLimits,
  schemas: ConnectorSchemas | undefined,
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
    ? withProblems(
        validateComponent(
          located.right.component,
          `dataProduct.components[${located.right.index}]`,
          profiles,
          isMapping(dataProduct) ? dataProduct : {},
          schemas,
        ),
        looksLikeAirbyteWorkload(located.right.component['specific'])
          ? sharedNameProblems(components, located.right.index)
          : [],
      )
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
  schemas: ConnectorSchemas | undefined,
): Validation<ValidatedComponent> => {
  try {
    return validateDescriptor(request, profiles, limits, schemas);
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
 * Validation is a pure function of the request, the profiles, the limits and the connector schemas:
 * nothing is remembered between calls (a caller that wants a cache wraps the validate use case in its
 * composition root).
 */
export const validateProvisioningRequest =
  (
    profiles: ConnectorProfiles,
    limits: YamlLimits = defaultYamlLimits,
    schemas?: ConnectorSchemas,
  ): Validator =>
  (request) => {
    const kindProblems = descriptorKindProblems(request);
    if (kindProblems.length > 0) return E.left(kindProblems);
    return validateSafely(request, profiles, limits, schemas);
  };
