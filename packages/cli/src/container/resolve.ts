/**
 * inversify's service identifiers do not carry a type, the core's port tokens do: these two helpers keep
 * the compiler checking that what is bound under a token is what the token promises.
 */
import type { Bind, Container } from 'inversify';
import type { PortToken } from '@airbyte-provisioner/core';

export const bindPort = <T>(bind: Bind, token: PortToken<T>) => bind<T>(token);

export const resolve = <T>(container: Container, token: PortToken<T>): T => container.get<T>(token);
