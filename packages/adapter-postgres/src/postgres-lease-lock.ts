/**
 * The per-component lock across replicas: a lease row (owner, fencing number, expiry) in PostgreSQL, taken
 * when free or expired, renewed while the work runs, released at its end. Not session advisory locks: those
 * break behind a transaction-mode PgBouncer and hold a connection per waiter.
 *
 * A holder that cannot renew in time (the database out of reach, or the row taken over by another replica
 * after expiry) has lost the lease: `lost()` says so from inside the work, and `fencedGateway` refuses the
 * next Airbyte call, so a replica that lost its lease stops before writing anything more. Within one process
 * the holders of a key queue locally first, so only one of them polls the database.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  airbyteUnavailable,
  InMemoryLock,
  type AirbyteGateway,
  type Lock,
  type ProvisioningError,
} from '@airbyte-provisioner/core';
import type pg from 'pg';
import { databaseError } from './postgres-errors.js';

export interface LeaseOptions {
  /** This replica's id: the lease rows it holds name it. */
  readonly owner: string;
  /** How long a lease lasts without renewal: a crashed holder's component is free again after it. */
  readonly ttlMs: number;
  /** How often a waiter asks again whether the lease is free. */
  readonly pollMs?: number;
  /** How long a waiter tolerates an unreachable database before it gives up with `StateUnavailable`. */
  readonly unavailableForMs?: number;
  /** Told each time a waiter finds the lease held by someone else (tests wait on it). */
  readonly onRefused?: (key: string) => void;
}

interface HeldLease {
  readonly key: string;
  readonly fencing: number;
  /** Local monotonic time (ms) past which the lease may have been taken over. */
  deadline: number;
  lost?: string;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PostgresLeaseLock implements Lock {
  private readonly local = new InMemoryLock();
  private readonly current = new AsyncLocalStorage<HeldLease>();
  private readonly held = new Set<HeldLease>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: LeaseOptions,
  ) {}

  /** Leases held right now by this replica. */
  readonly heldCount = (): number => this.held.size;

  /**
   * Why the lease the calling work runs under is no longer held (undefined while it is, or outside a
   * lease). Checked locally, without a query: lost when a renewal found the row taken, or when no renewal
   * has succeeded for a whole TTL.
   */
  readonly lost = (): string | undefined => {
    const lease = this.current.getStore();
    if (lease === undefined) return undefined;
    if (lease.lost === undefined && performance.now() >= lease.deadline)
      lease.lost = `this replica could not renew its lease on component ${lease.key} within ${this.options.ttlMs} ms`;
    return lease.lost;
  };

  readonly withLock = <E, A>(
    key: string,
    work: TE.TaskEither<E, A>,
    unavailable: (error: ProvisioningError) => E,
  ): TE.TaskEither<E, A> =>
    this.local.withLock(key, async (): Promise<E.Either<E, A>> => {
      const acquired = await this.acquire(key);
      if (E.isLeft(acquired)) return E.left(unavailable(acquired.left));
      const lease = acquired.right;
      this.held.add(lease);
      const renewing = this.keepRenewing(lease);
      try {
        return await this.current.run(lease, work);
      } finally {
        renewing.stop();
        this.held.delete(lease);
        await this.release(lease);
      }
    });

  /** Gives up every lease this replica holds (shutdown): other replicas need not wait for the TTL. */
  readonly releaseAll = async (): Promise<void> => {
    await this.pool
      .query('UPDATE provisioner_leases SET expires_at = now() WHERE owner = $1', [this.options.owner])
      .catch(() => undefined);
  };

  private async tryAcquire(key: string): Promise<number | undefined> {
    // named statements: each connection parses and plans them once (they run at every deploy)
    const { rows } = await this.pool.query<{ fencing: string }>({
      name: 'leases: take',
      text: `INSERT INTO provisioner_leases (component_id, owner, fencing, expires_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (component_id) DO UPDATE
         SET owner = EXCLUDED.owner, fencing = provisioner_leases.fencing + 1, expires_at = EXCLUDED.expires_at
         WHERE provisioner_leases.expires_at <= now()
       RETURNING fencing`,
      values: [key, this.options.owner, this.options.ttlMs],
    });
    const fencing = rows[0]?.fencing;
    return fencing === undefined ? undefined : Number(fencing);
  }

  private async acquire(key: string): Promise<E.Either<ProvisioningError, HeldLease>> {
    const pollMs = this.options.pollMs ?? 50;
    const patience = this.options.unavailableForMs ?? 10_000;
    let unreachableSince: number | undefined;
    for (;;) {
      const askedAt = performance.now();
      try {
        const fencing = await this.tryAcquire(key);
        unreachableSince = undefined;
        if (fencing !== undefined) return E.right({ key, fencing, deadline: askedAt + this.options.ttlMs });
        this.options.onRefused?.(key);
      } catch (error) {
        unreachableSince ??= askedAt;
        if (performance.now() - unreachableSince >= patience)
          return E.left(databaseError(`take the lease on component ${key}`)(error));
      }
      // a little jitter: replicas polling together do not keep colliding
      await delay(pollMs * (0.5 + Math.random()));
    }
  }

  /** Renews every lease held now (the renewal timer's work; callable to renew at once). */
  readonly renewAll = async (): Promise<void> => {
    await Promise.all([...this.held].map((lease) => this.renew(lease)));
  };

  private async renew(lease: HeldLease): Promise<void> {
    const askedAt = performance.now();
    try {
      const { rowCount } = await this.pool.query({
        name: 'leases: renew',
        text: `UPDATE provisioner_leases SET expires_at = now() + $4 * interval '1 millisecond'
         WHERE component_id = $1 AND owner = $2 AND fencing = $3`,
        values: [lease.key, this.options.owner, lease.fencing, this.options.ttlMs],
      });
      if (rowCount === 1) lease.deadline = askedAt + this.options.ttlMs;
      else lease.lost ??= `another replica took over the lease on component ${lease.key}`;
    } catch {
      // the database is out of reach: the lease holds until its deadline, then `lost` says so
    }
  }

  private keepRenewing(lease: HeldLease): { readonly stop: () => void } {
    const timer = setInterval(
      () => {
        void this.renew(lease);
      },
      Math.max(10, Math.floor(this.options.ttlMs / 3)),
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private async release(lease: HeldLease): Promise<void> {
    // kept, not deleted: the fencing number only grows. A release that fails leaves the lease to expire.
    await this.pool
      .query({
        name: 'leases: release',
        text: 'UPDATE provisioner_leases SET expires_at = now() WHERE component_id = $1 AND owner = $2 AND fencing = $3',
        values: [lease.key, this.options.owner, lease.fencing],
      })
      .catch(() => undefined);
  }
}

type GatewayCall = (...args: ReadonlyArray<unknown>) => TE.TaskEither<unknown, unknown>;

/**
 * The gateway whose every call first checks the caller's lease: a replica that lost its lease gets an
 * error instead of reaching Airbyte. Any gateway whose calls fail with an `AirbyteError` (the pipelines'
 * or the access one).
 */
export const fencedGateway = <G extends object = AirbyteGateway>(
  gateway: G,
  lock: Pick<PostgresLeaseLock, 'lost'>,
): G => {
  const fenced: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(gateway)) {
    if (typeof member !== 'function') fenced[name] = member;
    else if (name === 'withLogger')
      fenced[name] = (...args: ReadonlyArray<unknown>) =>
        fencedGateway((member as (...a: ReadonlyArray<unknown>) => object)(...args), lock);
    else
      fenced[name] =
        (...args: ReadonlyArray<unknown>): TE.TaskEither<unknown, unknown> =>
        () => {
          const lost = lock.lost();
          return lost === undefined
            ? (member as GatewayCall)(...args)()
            : Promise.resolve(E.left(airbyteUnavailable(`${lost}; stopped before calling Airbyte again`)));
        };
  }
  return fenced as G;
};
