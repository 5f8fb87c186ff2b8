import type { FigureGroup } from '../harness/figure.js';
import { airbyteCallsGroup } from './airbyte-calls.js';
import { concurrencyGroup } from './concurrency.js';
import { coreLevelGroup } from './core-level.js';
import { criticalPathGroup } from './critical-path.js';
import { durableStateGroup } from './durable-state.js';
import { memoryGroup } from './memory.js';
import { scaleGroup } from './scale.js';
import { startupGroup } from './startup.js';
import { throughputGroup } from './throughput.js';

/** In the order `pnpm bench` runs them. */
export const allGroups: ReadonlyArray<FigureGroup> = [
  throughputGroup,
  airbyteCallsGroup,
  criticalPathGroup,
  concurrencyGroup,
  coreLevelGroup,
  scaleGroup,
  memoryGroup,
  startupGroup,
  durableStateGroup,
];
