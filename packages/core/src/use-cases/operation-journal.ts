/**
 * What one operation has done so far: the user-facing log and the deployment record (ids, fingerprints).
 * It lives for one request and is written as steps succeed, so that a failure half-way still reports,
 * and records, exactly what was created: nothing is orphaned, a retry finds it.
 */
import type { DeploymentRecord, LogEntry, LogLevel, OperationFailure } from '../domain/operation-result.js';
import { describeError } from '../errors/describe-error.js';
import type { ProvisioningError } from '../errors/provisioning-error.js';
import type { Clock } from '../ports/clock.port.js';

export class OperationJournal {
  private readonly entries: LogEntry[] = [];
  private current: DeploymentRecord;
  // the index of the last entry `progress` wrote, while no other entry has followed it
  private revisable: number | undefined;

  constructor(
    private readonly clock: Clock,
    workspaceId: string,
  ) {
    this.current = { workspaceId };
  }

  get logs(): ReadonlyArray<LogEntry> {
    return [...this.entries];
  }

  get record(): DeploymentRecord {
    return this.current;
  }

  readonly log = (level: LogLevel, message: string, phase?: string): void => {
    this.entries.push(this.entry(level, message, phase));
    this.revisable = undefined;
  };

  /**
   * An INFO line that the next `progress` line replaces, unless another line came in between: counts that
   * move at every poll of a long job show their latest value instead of growing the log.
   */
  readonly progress = (message: string, phase?: string): void => {
    const entry = this.entry('INFO', message, phase);
    if (this.revisable === undefined) {
      this.entries.push(entry);
      this.revisable = this.entries.length - 1;
    } else this.entries[this.revisable] = entry;
  };

  private entry(level: LogLevel, message: string, phase: string | undefined): LogEntry {
    return {
      timestamp: new Date(this.clock.now()).toISOString(),
      level,
      message,
      ...(phase === undefined ? {} : { phase }),
    };
  }

  readonly info = (message: string, phase?: string): void => this.log('INFO', message, phase);
  readonly warn = (message: string, phase?: string): void => this.log('WARNING', message, phase);

  /** Sets fields of the record; an `undefined` value removes the field. */
  readonly note = (patch: {
    readonly [K in keyof DeploymentRecord]?: DeploymentRecord[K] | undefined;
  }): void => {
    const merged: Record<string, unknown> = { ...this.current, ...patch };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    this.current = merged as unknown as DeploymentRecord;
  };

  readonly failure = (error: ProvisioningError, withRecord: boolean): OperationFailure => {
    this.log('ERROR', describeError(error));
    return {
      error,
      logs: this.logs,
      ...(withRecord ? { info: { publicInfo: {}, privateInfo: { airbyte: { ...this.current } } } } : {}),
    };
  };
}
