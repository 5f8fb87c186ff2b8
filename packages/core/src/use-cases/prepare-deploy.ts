/**
 * Everything a deploy (or a dry-run plan) does before its first write: pick the previous record, locate
 * the resources, plan the actors, and refuse early to rewrite an actor another component uses.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ValidatedComponent } from '../descriptor/validated-component.js';
import type { AirbyteActor } from '../domain/airbyte-state.js';
import type { DeploymentRecord } from '../domain/operation-result.js';
import { invalidRequest, type ProvisioningError } from '../errors/provisioning-error.js';
import { foreignConnections, usageConflict } from '../planner/ownership.js';
import { planDeploy, type DeployFingerprints, type DeployPlan } from '../planner/plan-deploy.js';
import type { ActorAction, LocatedState } from '../planner/plan.types.js';
import { secretFingerprint } from '../planner/secret-fingerprint.js';
import { ADOPTED_FINGERPRINT } from '../descriptor/previous-record.reader.js';
import type { CoreDeps } from './core-deps.js';
import { locateAll, step } from './locate.js';
import { knownRecords } from './previous-record.js';
import { refuseForeign } from './resource-ownership.js';

export interface PreparedDeploy {
  /** Known records, most trusted first. */
  readonly records: ReadonlyArray<DeploymentRecord>;
  readonly located: LocatedState;
  readonly fingerprints: DeployFingerprints;
  readonly plan: DeployPlan;
}

/**
 * A stored fingerprint counts only for the very actor it was recorded for. An adopted actor's stands for
 * whatever the descriptor now gives (see ADOPTED_FINGERPRINT).
 */
const storedFingerprint = (
  located: O.Option<AirbyteActor>,
  records: ReadonlyArray<DeploymentRecord>,
  kind: 'source' | 'destination',
  desired: string | undefined,
): O.Option<string> => {
  if (O.isNone(located)) return O.none;
  const record = records.find((r) => (kind === 'source' ? r.sourceId : r.destinationId) === located.value.id);
  const stored = kind === 'source' ? record?.sourceFingerprint : record?.destinationFingerprint;
  return O.fromNullable(stored === ADOPTED_FINGERPRINT ? desired : stored);
};

export const fingerprintsOf = (
  deps: Pick<CoreDeps, 'fingerprinter'>,
  component: ValidatedComponent,
  located: LocatedState,
  records: ReadonlyArray<DeploymentRecord>,
): DeployFingerprints => {
  const fingerprint = secretFingerprint(deps.fingerprinter);
  const source = fingerprint(component.desired.source);
  const destination = fingerprint(component.desired.destination);
  return {
    source: { desired: source, stored: storedFingerprint(located.source, records, 'source', source) },
    destination: {
      desired: destination,
      stored: storedFingerprint(located.destination, records, 'destination', destination),
    },
  };
};

const checkNotShared =
  (deps: Pick<CoreDeps, 'gateway'>, component: ValidatedComponent, located: LocatedState) =>
  (action: ActorAction): TE.TaskEither<ProvisioningError, void> => {
    if (action._tag !== 'Update' && action._tag !== 'Replace') return TE.right(undefined);
    const [id, verb] =
      action._tag === 'Update' ? [action.id, 'update' as const] : [action.oldId, 'replace' as const];
    const actor = O.toUndefined(action.kind === 'source' ? located.source : located.destination);
    const name = actor?.name ?? action.spec.name;
    return pipe(
      step(`check which connections use ${action.kind} "${name}"`)(
        deps.gateway.findConnectionsUsing(action.kind, id),
      ),
      TE.map((using) =>
        foreignConnections(using, { located: located.connection, name: component.desired.connection.name }),
      ),
      TE.chain((foreign) =>
        pipe(
          usageConflict(verb, action.kind, { id, name }, foreign),
          O.match(() => TE.right(undefined), TE.left),
        ),
      ),
    );
  };

export const prepareDeploy =
  (deps: Pick<CoreDeps, 'gateway' | 'deploymentRecords' | 'fingerprinter' | 'ownership'>) =>
  (component: ValidatedComponent): TE.TaskEither<ProvisioningError, PreparedDeploy> =>
    pipe(
      knownRecords(deps.deploymentRecords, 'ours-first')(component),
      TE.bindTo('records'),
      TE.bind('located', ({ records }) => locateAll(deps.gateway)(component.desired, records)),
      // nothing another component owns is adopted, whatever its name
      TE.chainFirst(({ located }) => refuseForeign(deps, component.componentId)(located)),
      TE.let('fingerprints', ({ records, located }) => fingerprintsOf(deps, component, located, records)),
      TE.bind('plan', ({ located, fingerprints }) =>
        TE.fromEither(pipe(planDeploy(component.desired, located, fingerprints), E.mapLeft(invalidRequest))),
      ),
      TE.chainFirst(({ located, plan }) =>
        pipe(
          TE.traverseArray(checkNotShared(deps, component, located))([plan.source, plan.destination]),
          TE.map(() => undefined),
        ),
      ),
    );
