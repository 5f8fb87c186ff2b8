/**
 * The connector-schema step of validation: each actor's configuration, after the platform's profiles are
 * applied (enforced values and defaults), checked against the schema of its connector type. A connector
 * chosen by definition id (a custom connector) or of a type no schema is known for is not checked, with
 * a warning; its secrets are then found by their key names, as a guess.
 */
import type { ConnectorKind } from '../domain/connector-schema.js';
import type { DesiredActor, DesiredState } from '../domain/desired-state.js';
import type { Problem } from '../errors/problem.js';
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

const checkActor = (
  schemas: ConnectorSchemas,
  kind: ConnectorKind,
  actor: DesiredActor,
  path: string,
): ActorCheck => {
  if (actor.connector._tag === 'DefinitionId') {
    return {
      actor,
      problems: [],
      warnings: [
        `${path}.definitionId: a connector chosen by definition id (a custom connector) has no schema known here, so its connectionConfiguration is not checked before Airbyte sees it`,
      ],
    };
  }
  const type = actor.connector.connectorType;
  const schema = schemas.schemaOf(kind, type);
  if (schema === undefined) {
    const closest = closestKey(type, schemas.connectorTypes(kind));
    return {
      actor,
      problems: [],
      warnings: [
        `${path}.${kind}Type: ${JSON.stringify(type)} is not a published ${kind} connector known here${closest === undefined ? '' : ` (did you mean \`${closest}\`?)`}, so its connectionConfiguration is not checked before Airbyte sees it`,
      ],
    };
  }
  const checked = checkConfiguration(
    schema,
    actor.configuration,
    `${path}.connectionConfiguration`,
    `${type} ${kind}`,
  );
  // the fields Airbyte masks on read are those its schema marks airbyte_secret: no guess from key names
  return {
    actor: { ...actor, configuration: checked.configuration, secretPaths: checked.secretPaths },
    problems: checked.problems,
    warnings: checked.warnings,
  };
};

/** `path` is the component's `specific`. */
export const checkAgainstSchemas = (
  schemas: ConnectorSchemas,
  desired: DesiredState,
  path: string,
): SchemaCheck => {
  const source = checkActor(schemas, 'source', desired.source, `${path}.source`);
  const destination = checkActor(schemas, 'destination', desired.destination, `${path}.destination`);
  return {
    desired: { ...desired, source: source.actor, destination: destination.actor },
    problems: [...source.problems, ...destination.problems],
    warnings: [...source.warnings, ...destination.warnings],
  };
};
