/** What a one-shot command adds to the container: its progress display. */
import { ContainerModule } from 'inversify';
import type { Progress } from '../output/progress.js';
import { bindPort } from './resolve.js';
import { ProgressToken } from './tokens.js';

export const commandModule = (progress: Progress): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindPort(bind, ProgressToken).toConstantValue(progress);
  });
