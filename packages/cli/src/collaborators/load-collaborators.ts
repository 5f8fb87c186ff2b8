/**
 * Loads the collaborators from the other packages' entry points.
 *
 * TRANSITIONAL: while the HTTP adapter is being written, its exports are looked up by name at run time,
 * and a missing one fails with a message naming it. Once it has landed this file becomes plain static
 * imports (as the core and the sandbox already are), and the compiler checks them against `Collaborators`.
 */
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { makeUseCases, parseRequestFile } from '@airbyte-provisioner/core';
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
    const http = (await import('@airbyte-provisioner/adapter-http')) as Loose;
    return {
      makeUseCases,
      parseRequestFile: (text) => parseRequestFile(text),
      createHttpApp: pick(http, '@airbyte-provisioner/adapter-http', 'createHttpApp'),
      createMetrics: pick(http, '@airbyte-provisioner/adapter-http', 'createMetrics'),
      startHttpServer: pick(http, '@airbyte-provisioner/adapter-http', 'startHttpServer'),
      startAirbyteSandbox,
    };
  })();
  return loaded;
};
