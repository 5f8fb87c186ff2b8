/** Plans as the adapters print them (`PlannedChange`): names, ids, changed field paths, never a value. */
import type { PlannedChange } from '../domain/planned-change.js';
import { NOT_YET_CREATED, type DeployPlan } from './plan-deploy.js';
import type { ActorAction, ConnectionAction, UnprovisionAction } from './plan.types.js';

const actorChange = (a: ActorAction): PlannedChange => {
  switch (a._tag) {
    case 'Create':
      return { kind: a.kind, name: a.spec.name, action: 'create' };
    case 'Update':
      return { kind: a.kind, name: a.spec.name, action: 'update', id: a.id, changedFields: a.changedFields };
    case 'Replace':
      return { kind: a.kind, name: a.spec.name, action: 'replace', id: a.oldId, reason: a.reason };
    case 'Noop':
      return { kind: a.kind, name: a.name, action: 'noop', id: a.id };
  }
};

const connectionChange = (c: ConnectionAction): PlannedChange => {
  switch (c._tag) {
    case 'Create':
      return { kind: 'connection', name: c.spec.name, action: 'create' };
    case 'Update':
      return {
        kind: 'connection',
        name: c.spec.name,
        action: 'update',
        id: c.id,
        changedFields: c.changedFields,
      };
    case 'Replace':
      return {
        kind: 'connection',
        name: c.spec.name,
        action: 'replace',
        id: c.oldId,
        reason: c.reason.split(NOT_YET_CREATED).join('the new one'),
      };
    case 'Noop':
      return { kind: 'connection', name: c.name, action: 'noop', id: c.id };
  }
};

export const deployChanges = (plan: DeployPlan): ReadonlyArray<PlannedChange> => [
  actorChange(plan.source),
  actorChange(plan.destination),
  connectionChange(plan.connection),
];

export const unprovisionChanges = (actions: ReadonlyArray<UnprovisionAction>): ReadonlyArray<PlannedChange> =>
  actions.map((a): PlannedChange => {
    switch (a._tag) {
      case 'Delete':
        return { kind: a.kind, name: a.name, action: 'delete', id: a.id };
      case 'Keep':
        return {
          kind: a.kind,
          name: a.name,
          action: 'noop',
          id: a.id,
          reason: `kept: used by connection(s) of another component`,
        };
      case 'Absent':
        return { kind: a.kind, name: a.name, action: 'noop' };
    }
  });
