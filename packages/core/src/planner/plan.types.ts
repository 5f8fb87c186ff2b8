/**
 * The planner's vocabulary: one action per resource, in the order the executor must run them.
 * Actions carry everything needed to execute them (specs with secrets) and everything needed to explain
 * them (changed field paths, never a secret value).
 */
import type { Option } from 'fp-ts/lib/Option.js';
import type {
  ActorKind,
  ActorSpec,
  AirbyteActor,
  AirbyteConnection,
  ConnectionSpec,
} from '../domain/airbyte-state.js';

export type ActorAction =
  | { readonly _tag: 'Create'; readonly kind: ActorKind; readonly spec: ActorSpec }
  | {
      readonly _tag: 'Update';
      readonly kind: ActorKind;
      readonly id: string;
      readonly spec: ActorSpec;
      /** Dot paths, e.g. `name`, `configuration.url`, `configuration.credentials.password` (named only). */
      readonly changedFields: ReadonlyArray<string>;
      /** Set when secrets are re-sent only because their previous fingerprint is unknown. */
      readonly secretsUnknown: boolean;
    }
  | {
      readonly _tag: 'Replace';
      readonly kind: ActorKind;
      readonly oldId: string;
      readonly spec: ActorSpec;
      readonly reason: string;
    }
  | { readonly _tag: 'Noop'; readonly kind: ActorKind; readonly id: string; readonly name: string };

export type ConnectionAction =
  | { readonly _tag: 'Create'; readonly spec: ConnectionSpec }
  | {
      readonly _tag: 'Update';
      readonly id: string;
      readonly spec: ConnectionSpec;
      readonly changedFields: ReadonlyArray<string>;
    }
  | {
      readonly _tag: 'Replace';
      readonly oldId: string;
      readonly spec: ConnectionSpec;
      readonly reason: string;
    }
  | { readonly _tag: 'Noop'; readonly id: string; readonly name: string };

/** What exists in Airbyte for one component, once located (by recorded ids first, then by exact name). */
export interface LocatedState {
  readonly source: Option<AirbyteActor>;
  readonly destination: Option<AirbyteActor>;
  readonly connection: Option<AirbyteConnection>;
}

/** Secret fingerprints: what the desired secrets hash to, and what was stored for the located actor. */
export interface ActorFingerprints {
  /** `undefined` when the actor has no secret field. */
  readonly desired: string | undefined;
  /** Only when the stored record refers to the located actor's id. */
  readonly stored: Option<string>;
}

export type UnprovisionAction =
  | {
      readonly _tag: 'Delete';
      readonly kind: 'source' | 'destination' | 'connection';
      readonly id: string;
      readonly name: string;
    }
  | {
      readonly _tag: 'Keep';
      readonly kind: ActorKind;
      readonly id: string;
      readonly name: string;
      /** Connections of other components that still use the actor (so it is kept, never deleted). */
      readonly usedBy: ReadonlyArray<AirbyteConnection>;
    }
  | {
      readonly _tag: 'Absent';
      readonly kind: 'source' | 'destination' | 'connection';
      readonly name: string;
    };
