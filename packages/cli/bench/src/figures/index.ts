import type { FigureGroup } from '../harness/figure.js';
import { coreLevelGroup } from './core-level.js';
import { memoryGroup } from './memory.js';

/** In the order `pnpm bench` runs them. */
export const allGroups: ReadonlyArray<FigureGroup> = [coreLevelGroup, memoryGroup];
