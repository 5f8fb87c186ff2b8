/**
 * The connector-schema step of validation: each actor's configuration, after the platform's profiles are
 * applied (enforced values and defaults), checked against the schema of its connector type. A connector
 * chosen by definition id (a custom connector) or of a type no schema is known for is not checked, with
 * a warning; its secrets are then found by their key names, as a guess.
 */
import type { ConnectorKind } from '../domain/connector-schema.js';
import type { DesiredActor, DesiredState } from '../domain/desired-state.js';
import type { ConnectorProfiles } from '../domain/connector-profile.js';
import { problem, type Problem } from '../errors/problem.js';
import type { ConnectorSchemas } from '../ports/connector-schemas.port.js';
import { closestKey } from './closest-key.js';
import { checkConfiguration } from './connector-configuration-check.js';

export interface SchemaCheck {
  readonly desired: DesiredState;
  readonly problems: ReadonlyArray<Problem>;
  readonly warnings: ReadonlyArray<string>;
}

interface ActorCheck {
  readonly actor: DesiredActor;
  readonly problems: ReadonlyArray<Problem>;
  readonly warnings: ReadonlyArray<string>;
}

/** How the component chose its connectors, and what the platform configures. */
export interface SchemaCheckContext {
  readonly profiles: ConnectorProfiles;
  /** Whether `sourceType` / `destinationType` were written (else the default, file / snowflake, applies). */
  readonly typeWritten: Readonly<Record<ConnectorKind, boolean>>;
  /** The keys of each configuration as the descriptor wrote it, before the profiles. */
  readonly writtenKeys: Readonly<Record<ConnectorKind, ReadonlyArray<string>>>;
}

/** The connector type whose schema knows most of these keys, when it knows more than `than`. */
const likelierType = (
  schemas: ConnectorSchemas,
  kind: ConnectorKind,
  keys: ReadonlyArray<string>,
  than: number,
): string | undefined => {
  let best: { readonly type: string; readonly known: number } | undefined;
  for (const type of schemas.connectorTypes(kind)) {
    const properties = schemas.schemaOf(kind, type)?.p ?? {};
    const known = keys.filter((key) => Object.hasOwn(properties, key)).length;
    if (known > than && (best === undefined || known > best.known)) best = { type, known };
  }
  return best?.type;
};

/**
 * A configuration written for another connector, its type left to the default: its keys are mostly
 * unknown to the default connector and known to another one. Told before Airbyte is called, with the fix.
 */
const defaultedTypeProblems = (
  schemas: ConnectorSchemas,
  kind: ConnectorKind,
  type: string,
  written: ReadonlyArray<string>,
  unknownKeys: ReadonlyArray<string>,
  path: string,
): ReadonlyArray<Problem> => {
  const prefix = `${path}.connectionConfiguration.`;
  const unknownTopLevel = unknownKeys
    .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.'))
    .map((key) => key.slice(prefix.length));
  if (unknownTopLevel.length < 2) return [];
  const likelier = likelierType(schemas, kind, written, written.length - unknownTopLevel.length);
  return [
    problem(
      `${path}.${kind}Type`,
      `is not set, so this is a ${type} ${kind} (the default), but ${unknownTopLevel.join(', ')} are no ${type} settings: set ${kind}Type${likelier === undefined ? '' : ` (they are settings of the ${likelier} ${kind})`}`,
    ),
  ];
};

/** An actor whose configuration no schema checks: as written, with a warning that says why. */
const unchecked = (actor: DesiredActor, why: string): ActorCheck => ({
  actor,
  problems: [],
  warnings: [`${why}, so its connectionConfiguration is not checked before Airbyte sees it`],
});

const checkActor = (
  schemas: ConnectorSchemas,
  kind: ConnectorKind,
  actor: DesiredActor,
  path: string,
  context: SchemaCheckContext,
): ActorCheck => {
  if (actor.connector._tag === 'DefinitionId')
    return unchecked(
      actor,
      `${path}.definitionId: a connector chosen by definition id (a custom connector) has no schema known here`,
    );
  const type = actor.connector.connectorType;
  const schema = schemas.schemaOf(kind, type);
  if (schema === undefined) {
    const closest = closestKey(type, schemas.connectorTypes(kind));
    return unchecked(
      actor,
      `${path}.${kind}Type: ${JSON.stringify(type)} is not a published ${kind} connector known here${closest === undefined ? '' : ` (did you mean \`${closest}\`?)`}`,
    );
  }
  const profile = (kind === 'source' ? context.profiles.sources : context.profiles.destinations)[type];
  const checked = checkConfiguration(
    schema,
    actor.configuration,
    `${path}.connectionConfiguration`,
    `${type} ${kind}`,
    profile === undefined ? 'warning' : 'problem',
  );
  const mistyped = context.typeWritten[kind]
    ? []
    : defaultedTypeProblems(schemas, kind, type, context.writtenKeys[kind], checked.unknownKeys, path);
  // the fields Airbyte masks on read are those its schema marks airbyte_secret: no guess from key names
  return {
    actor: { ...actor, configuration: checked.configuration, secretPaths: checked.secretPaths },
    problems: [...mistyped, ...checked.problems],
    warnings: checked.warnings,
  };
};

/** `path` is the component's `specific`. */
export const checkAgainstSchemas = (
  schemas: ConnectorSchemas,
  desired: DesiredState,
  path: string,
  context: SchemaCheckContext,
): SchemaCheck => {
  const source = checkActor(schemas, 'source', desired.source, `${path}.source`, context);
  const destination = checkActor(schemas, 'destination', desired.destination, `${path}.destination`, context);
  return {
    desired: { ...desired, source: source.actor, destination: destination.actor },
    problems: [...source.problems, ...destination.problems],
    warnings: [...source.warnings, ...destination.warnings],
  };
};
