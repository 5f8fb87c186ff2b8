/**
 * Injected failures. Each fault counts the calls that match it and fires from the nth one, `times` times in
 * a row; the first firing fault of a call shapes it. Counting every matching call, fired or not, lets a test
 * say "fail the second POST /sources" without knowing what else was called.
 */
import type { SandboxFault } from './sandbox.types.js';

interface ArmedFault {
  readonly fault: SandboxFault;
  seen: number;
  fired: number;
}

export interface FaultRegistry {
  readonly add: (fault: SandboxFault) => void;
  readonly clear: () => void;
  /** The fault that applies to this call, if any (and counts the call for every matching fault). */
  readonly take: (method: string, path: string) => SandboxFault | undefined;
}

const matches = (fault: SandboxFault, method: string, path: string): boolean => {
  const { match } = fault;
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === path;
  // a /g or /y RegExp remembers where it stopped; every call must be tested from the start
  match.path.lastIndex = 0;
  return match.path.test(path);
};

export const createFaultRegistry = (): FaultRegistry => {
  let armed: ArmedFault[] = [];
  return {
    add: (fault) => {
      armed.push({ fault, seen: 0, fired: 0 });
    },
    clear: () => {
      armed = [];
    },
    take: (method, path) => {
      let chosen: SandboxFault | undefined;
      for (const entry of armed) {
        if (!matches(entry.fault, method, path)) continue;
        entry.seen += 1;
        const from = entry.fault.match.nth ?? 1;
        const times = entry.fault.match.times ?? 1;
        if (chosen === undefined && entry.seen >= from && entry.fired < times) {
          entry.fired += 1;
          chosen = entry.fault;
        }
      }
      return chosen;
    },
  };
};
