/**
 * What the previous deploy recorded for a component (`info.privateInfo.airbyte`), read leniently: the
 * platform stores it for us, and a malformed copy must never block a deploy, so it is simply ignored.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import type { DeploymentRecord } from '../domain/operation-result.js';

const PendingDeletion = t.type({
  kind: t.keyof({ source: null, destination: null, connection: null }),
  id: t.string,
});

const DoubtfulCreate = t.intersection([
  t.type({
    kind: t.keyof({ source: null, destination: null, connection: null }),
    name: t.string,
    since: t.number,
    id: t.string,
  }),
  t.partial({ definitionId: t.string, sourceId: t.string, destinationId: t.string }),
]);

/** A deployment record as JSON holds it (the platform's privateInfo, or a state file). */
export const DeploymentRecordCodec: t.Type<DeploymentRecord, unknown> = t.intersection([
  t.type({ workspaceId: t.string }),
  t.partial({
    workspaceName: t.string,
    sourceId: t.string,
    destinationId: t.string,
    connectionId: t.string,
    sourceFingerprint: t.string,
    destinationFingerprint: t.string,
    lastJobId: t.number,
    syncDue: t.boolean,
    pendingDeletions: t.readonlyArray(PendingDeletion),
    doubtfulCreates: t.readonlyArray(DoubtfulCreate),
  }),
]);

/**
 * The fingerprint reverse provisioning records for an adopted actor's secrets, which Airbyte never shows:
 * the first provision takes the secrets the descriptor gives as those Airbyte holds (records their
 * fingerprint, sends nothing); a later change of them is sent as usual.
 */
export const ADOPTED_FINGERPRINT = 'adopted-from-airbyte';

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

export const recordOfComponent = (component: unknown): O.Option<DeploymentRecord> =>
  pipe(
    DeploymentRecordCodec.decode(field(field(field(component, 'info'), 'privateInfo'), 'airbyte')),
    E.map((r): DeploymentRecord => r),
    O.fromEither,
  );

/** The component with this id in an enriched data product descriptor (components at the top or under dataProduct). */
export const componentIn = (descriptor: unknown, componentId: string): unknown => {
  const components = field(descriptor, 'components') ?? field(field(descriptor, 'dataProduct'), 'components');
  return Array.isArray(components) ? components.find((c) => field(c, 'id') === componentId) : undefined;
};

/** The ids reverse provisioning wrote under `specific.adopt`, read as a previous record. */
export const adoptedRecordOf = (component: unknown): O.Option<DeploymentRecord> =>
  pipe(
    DeploymentRecordCodec.decode(field(field(component, 'specific'), 'adopt')),
    E.map((r): DeploymentRecord => r),
    O.fromEither,
  );
