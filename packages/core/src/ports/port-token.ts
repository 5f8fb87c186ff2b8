/**
 * A typed identifier for a port: a symbol that carries the interface it stands for, so a composition root
 * binding `token` to an implementation is checked by the compiler.
 */
declare const portType: unique symbol;

export type PortToken<T> = symbol & { readonly [portType]: T };

export const portToken = <T>(name: string): PortToken<T> =>
  Symbol.for(`airbyte-provisioner/${name}`) as PortToken<T>;
