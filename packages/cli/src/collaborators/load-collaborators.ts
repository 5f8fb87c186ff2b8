/** The collaborators from the other packages' entry points, checked by the compiler against `Collaborators`. */
import { startAirbyteSandbox } from '@airbyte-provisioner/adapter-airbyte/sandbox';
import { createHttpApp, createMetrics, startHttpServer } from '@airbyte-provisioner/adapter-http';
import { makeUseCases, parseRequestFile } from '@airbyte-provisioner/core';
import type { Collaborators } from './collaborators.js';

export const packageCollaborators: Collaborators = {
  makeUseCases,
  parseRequestFile: (text) => parseRequestFile(text),
  createHttpApp,
  createMetrics,
  startHttpServer,
  startAirbyteSandbox,
};

/** Kept as a promise-returning function so that callers need not change if loading becomes lazy. */
export const loadCollaborators = (): Promise<Collaborators> => Promise.resolve(packageCollaborators);
