/**
 * Rules 2 and 3 for a source or destination: create what is missing, update in place what differs,
 * replace only when Airbyte cannot update (another connector), and leave alone what is unchanged.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { ActorKind, ActorSpec, AirbyteActor } from '../domain/airbyte-state.js';
import type { ConnectorRef, DesiredActor } from '../domain/desired-state.js';
import { changedConfigurationPaths } from './configuration-diff.js';
import type { ActorAction, ActorFingerprints } from './plan.types.js';

const specOf = (desired: DesiredActor): ActorSpec => ({
  name: desired.name,
  connector: desired.connector,
  configuration: desired.configuration,
});

const describeConnector = (ref: ConnectorRef): string =>
  ref._tag === 'ConnectorType' ? `type "${ref.connectorType}"` : `definition ${ref.definitionId}`;

/** Why the actual actor cannot become the desired one in place, if it cannot. */
export const connectorMismatch = (desired: ConnectorRef, actual: AirbyteActor): O.Option<string> => {
  const same =
    desired._tag === 'ConnectorType'
      ? desired.connectorType.toLowerCase() === actual.connectorType.toLowerCase()
      : desired.definitionId === actual.definitionId;
  return same
    ? O.none
    : O.some(
        `the connector changed from type "${actual.connectorType}" (definition ${actual.definitionId}) to ` +
          `${describeConnector(desired)}, which Airbyte cannot change in place`,
      );
};

/** Secret paths to re-send, and whether that is only because the stored fingerprint is unknown. */
const secretChanges = (
  desired: DesiredActor,
  fingerprints: ActorFingerprints,
): { readonly paths: ReadonlyArray<string>; readonly unknown: boolean } => {
  if (fingerprints.desired === undefined) return { paths: [], unknown: false };
  const paths = desired.secretPaths.map((p) => `configuration.${p}`);
  return O.isNone(fingerprints.stored)
    ? { paths, unknown: true }
    : { paths: fingerprints.stored.value === fingerprints.desired ? [] : paths, unknown: false };
};

export const planActor = (
  kind: ActorKind,
  desired: DesiredActor,
  actual: O.Option<AirbyteActor>,
  fingerprints: ActorFingerprints,
): ActorAction => {
  if (O.isNone(actual)) return { _tag: 'Create', kind, spec: specOf(desired) };
  const current = actual.value;
  const mismatch = connectorMismatch(desired.connector, current);
  if (O.isSome(mismatch))
    return { _tag: 'Replace', kind, oldId: current.id, spec: specOf(desired), reason: mismatch.value };
  const secrets = secretChanges(desired, fingerprints);
  const changedFields = [
    ...(desired.name === current.name ? [] : ['name']),
    ...changedConfigurationPaths(desired.configuration, current.configuration, desired.secretPaths).map(
      (p) => `configuration.${p}`,
    ),
    ...secrets.paths,
  ];
  return changedFields.length === 0
    ? { _tag: 'Noop', kind, id: current.id, name: current.name }
    : {
        _tag: 'Update',
        kind,
        id: current.id,
        spec: specOf(desired),
        changedFields,
        secretsUnknown: secrets.unknown,
      };
};
