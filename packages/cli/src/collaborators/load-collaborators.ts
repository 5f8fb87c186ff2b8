/**
 * Loads the collaborators from the other packages' entry points.
 *
 * TRANSITIONAL: while the core's use-case factory and request parser and the HTTP adapter are being
 * written, they are looked up by name at run time, and a missing one fails with a message naming it.
 * Once they have landed this file becomes plain static imports (as the sandbox already is), and the
 * compiler checks them against `Collaborators`.
 */
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import type { Collaborators } from './collaborators.js';

type Loose = Readonly<Record<string, unknown>>;

const pick = <K extends keyof Collaborators>(module: Loose, from: string, name: K): Collaborators[K] => {
  const value = module[name];
  if (typeof value !== 'function') {
    return (..._args: ReadonlyArray<unknown>) => {
      throw new Error(`${from} does not export ${name} yet`);
    };
  }
  return value as Collaborators[K];
};

let loaded: Promise<Collaborators> | undefined;

export const loadCollaborators = (): Promise<Collaborators> => {
  loaded ??= (async () => {
    const [core, http] = await Promise.all([
      import('@airbyte-provisioner/core') as Promise<Loose>,
      import('@airbyte-provisioner/adapter-http') as Promise<Loose>,
    ]);
    return {
      makeUseCases: pick(core, '@airbyte-provisioner/core', 'makeUseCases'),
      parseRequestFile: pick(core, '@airbyte-provisioner/core', 'parseRequestFile'),
      createHttpApp: pick(http, '@airbyte-provisioner/adapter-http', 'createHttpApp'),
      createMetrics: pick(http, '@airbyte-provisioner/adapter-http', 'createMetrics'),
      startHttpServer: pick(http, '@airbyte-provisioner/adapter-http', 'startHttpServer'),
      startAirbyteSandbox,
    };
  })();
  return loaded;
};
