/**
 * A commented YAML `specific` block for one connector: every required field of its schema (and of the
 * first variant of each required `oneOf`) and every secret field, with its type, allowed values and
 * description, ready to fill in. Secret fields are written as `${env:...}` references: a secret belongs in the platform's profiles
 * file (PROVISIONER_CONFIG), where those references are resolved, not in a descriptor.
 */
import type { ConnectorKind, ConnectorSchemaNode } from '@airbyte-provisioner/core';

const typeNames: Readonly<Record<string, string>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'true or false',
  object: 'mapping',
  array: 'list',
};

const typeOf = (node: ConnectorSchemaNode): string | undefined =>
  typeof node.t === 'string' ? node.t : node.t?.find((t) => t !== 'null');

const scalar = (value: unknown): string => {
  const text = JSON.stringify(value);
  return typeof value === 'string' &&
    /^[A-Za-z_][\w .-]*$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value)
    ? value
    : text;
};

const envName = (connectorType: string, path: ReadonlyArray<string>): string =>
  [connectorType, ...path]
    .join('_')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

const placeholder = (node: ConnectorSchemaNode): string => {
  if (node.c !== undefined) return scalar(node.c);
  if (node.e !== undefined && node.e.length > 0) return scalar(node.e[0]);
  switch (typeOf(node)) {
    case 'integer':
    case 'number':
      return '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    default:
      return '""';
  }
};

const comment = (node: ConnectorSchemaNode): string => {
  const type = typeOf(node);
  const parts = [
    ...(node.d === undefined ? [] : [node.d]),
    ...(type === undefined ? [] : [`(${typeNames[type] ?? type})`]),
    ...(node.c === undefined && node.e !== undefined && node.e.length > 1
      ? [`one of: ${node.e.map((e) => String(e)).join(', ')}`]
      : []),
  ];
  return parts.join(' ');
};

const lines = (
  node: ConnectorSchemaNode,
  connectorType: string,
  path: ReadonlyArray<string>,
  indent: string,
): string[] => {
  const variant = node.o?.[0];
  const properties = { ...node.p, ...variant?.p };
  const required = [...new Set([...(node.r ?? []), ...(variant?.r ?? [])])];
  const out: string[] = [];
  if (node.o !== undefined && node.o.length > 1) {
    const titles = node.o.map((v, i) => v.v ?? `variant ${i + 1}`).join('; ');
    out.push(`${indent}# one of: ${titles} (the first shown)`);
  }
  // the required settings, then the secrets, which are optional but rarely left out (a password)
  const secrets = Object.keys(properties).filter(
    (key) => properties[key]?.s === 1 && !required.includes(key),
  );
  for (const key of [...required, ...secrets]) {
    const child = properties[key] ?? {};
    const said = `${required.includes(key) ? '' : '(optional) '}${comment(child)}`.trim();
    if (said !== '') out.push(`${indent}# ${said}`);
    if (child.s === 1) {
      out.push(
        `${indent}# a secret: set it in the profiles file (PROVISIONER_CONFIG), which resolves env references`,
      );
      out.push(`${indent}${key}: \${env:${envName(connectorType, [...path, key])}}`);
    } else if (typeOf(child) === 'object' || child.o !== undefined) {
      const nested = lines(child, connectorType, [...path, key], `${indent}  `);
      out.push(nested.length === 0 ? `${indent}${key}: {}` : `${indent}${key}:`, ...nested);
    } else {
      out.push(`${indent}${key}: ${placeholder(child)}`);
    }
  }
  return out;
};

export const connectorScaffold = (
  kind: ConnectorKind,
  connectorType: string,
  schema: ConnectorSchemaNode,
): string =>
  [
    `# The ${kind} part of an Airbyte workload's specific, for Airbyte's ${connectorType} ${kind} connector:`,
    `# every required setting (optional ones are left out). The component also needs ${kind === 'source' ? 'a destination' : 'a source'} and a connection.`,
    'specific:',
    `  ${kind}:`,
    `    name: my-${connectorType}-${kind}`,
    `    ${kind}Type: ${connectorType}`,
    '    connectionConfiguration:',
    ...lines(schema, connectorType, [], '      '),
    '',
  ].join('\n');
