import { expect } from 'chai';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { stringify } from 'yaml';
import {
  parseRequestFile,
  validateUpdateAclRequest,
  witboostExampleDescriptor,
} from '../../src/descriptor/index.js';
import { normalizedCron, quartzCronProblems } from '../../src/descriptor/quartz-cron.js';
import { validateProvisioningRequest } from '../../src/descriptor/validate-provisioning-request.js';
import { noConnectorProfiles } from '../../src/domain/connector-profile.js';
import { componentsOf, exampleTree, validate, type Tree } from './fixtures.js';

const isEither = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { _tag?: unknown })._tag === 'Left' || (value as { _tag?: unknown })._tag === 'Right');

// What io-ts prints when a codec has no name of its own: a data engineer should never read it.
const typeDump = /Array<|Partial<|\{ \w+: |\(\{|\bunknown\b|\bUnknownRecord\b|\w+ & \w+/;

// A message may quote what the user sent (got "({"): only the provisioner's own words are searched.
const quoted = /"(?:[^"\\]|\\.)*"/g;
const ownWords = (message: string): string => message.replace(quoted, '""');

/**
 * Every problem has a path and a one-line message in words, told once: the answer is always something a
 * person can read.
 */
const readable = (result: ReturnType<typeof validate>): boolean =>
  E.isRight(result) ||
  (result.left.length > 0 &&
    // the same problem is never told twice
    new Set(result.left.map((p) => `${p.path}\u0000${p.message}`)).size === result.left.length &&
    result.left.every(
      (p) =>
        typeof p.path === 'string' &&
        typeof p.message === 'string' &&
        p.message !== '' &&
        !p.message.includes('\n') &&
        !typeDump.test(ownWords(p.message)),
    ));

const validateAll = validateProvisioningRequest(noConnectorProfiles);

describe('validation never throws (property)', () => {
  it('on arbitrary strings, ASCII or full Unicode', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (text) => {
          const result = validate(text);
          expect(isEither(result)).to.equal(true);
          expect(readable(result)).to.equal(true);
          expect(isEither(parseRequestFile(text))).to.equal(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on strings made of YAML punctuation', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          '&a ',
          '*a',
          '!',
          '!!',
          '[',
          ']',
          '{',
          '}',
          ':',
          '- ',
          '? ',
          '|',
          '>',
          '#',
          '"',
          "'",
          '%',
          '\n',
          ' ',
          'x',
          '---\n',
          '...\n',
          '<<: ',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(yamlish, (text) => {
        const result = validate(text);
        expect(readable(result)).to.equal(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON values serialized as YAML and as JSON descriptors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, asJson) => {
        const text = asJson ? JSON.stringify(value) : stringify(value);
        const result = validate(text);
        expect(readable(result)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary values planted anywhere in the example descriptor', () => {
    const paths: ReadonlyArray<(tree: Tree, value: unknown) => void> = [
      (tree, v) => (tree['dataProduct'] = v),
      (tree, v) => (tree['componentIdToProvision'] = v),
      (tree, v) => ((tree['dataProduct'] as Tree)['components'] = v),
      (tree, v) => (componentsOf(tree)[0]!['specific'] = v),
      (tree, v) => ((componentsOf(tree)[0]!['specific'] as Tree)['source'] = v),
      (tree, v) => ((componentsOf(tree)[0]!['specific'] as Tree)['destination'] = v),
      (tree, v) => ((componentsOf(tree)[0]!['specific'] as Tree)['connection'] = v),
      (tree, v) =>
        ((
          ((componentsOf(tree)[0]!['specific'] as Tree)['source'] as Tree)['connectionConfiguration'] as Tree
        )['provider'] = v),
      (tree, v) => (((componentsOf(tree)[0]!['specific'] as Tree)['connection'] as Tree)['streams'] = v),
      (tree, v) => (((componentsOf(tree)[0]!['specific'] as Tree)['connection'] as Tree)['schedule'] = v),
    ];
    const value = fc.oneof(
      fc.jsonValue(),
      fc
        .anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 })
        .map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown),
      fc.record({ scheduleType: fc.constantFrom('cron', 'manual', 'x'), cronExpression: fc.string() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        value,
        fc.boolean(),
        (at, planted, asJson) => {
          const tree = exampleTree();
          paths[at]!(tree, planted);
          const text = asJson ? JSON.stringify(tree) : stringify(tree);
          const result = validateAll({
            descriptorKind: 'COMPONENT_DESCRIPTOR',
            descriptor: text,
            latestEnrichedDescriptor: stringify({ components: [{ id: 'x', info: planted }] }),
          });
          expect(readable(result)).to.equal(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps accepting the example, whatever the latestEnrichedDescriptor', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => stringify(v)),
        ),
        (enriched) => {
          const result = validate(witboostExampleDescriptor, { latestEnrichedDescriptor: enriched });
          expect(E.isRight(result)).to.equal(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text as the request inside an ACL update', () => {
    const validateAcl = validateUpdateAclRequest(noConnectorProfiles);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc
            .record({ descriptorKind: fc.string(), descriptor: fc.oneof(fc.string(), fc.jsonValue()) })
            .map((v) => JSON.stringify(v)),
        ),
        (request) => {
          const result = validateAcl({ refs: [], provisionInfo: { request, result: '' } });
          expect(readable(result)).to.equal(true);
          expect(
            E.isLeft(result) && result.left.every((p) => p.path.startsWith('provisionInfo.request')),
          ).to.equal(E.isLeft(result));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on cron expressions made of cron words; a valid one keeps a stable, valid normal form', () => {
    const word = fc.constantFrom(
      '0',
      '7',
      '59',
      '60',
      '2099',
      '*',
      '?',
      '*/5',
      '1-5',
      '1,2',
      'L',
      '15W',
      '6#3',
      'MON',
      'JAN',
      'UTC',
      'Europe/Rome',
    );
    const junk = fc
      .array(fc.oneof(word, fc.constantFrom('/', '-', ',', '#', ' ', '\t')), { maxLength: 30 })
      .map((parts) => parts.join(''));
    // mostly valid words per position, so that valid expressions come up often
    const optional = (...words: string[]) => fc.constantFrom('', ...words);
    const fields = fc
      .tuple(
        fc.constantFrom('0', '59', '*/5', '60'),
        fc.constantFrom('0', '0/15', '1,2', '1-5'),
        fc.constantFrom('12', '*', '23', '24'),
        fc.constantFrom('*', '?', 'L', '15W', '1-5'),
        fc.constantFrom('*', 'JAN', 'JAN-MAR', '1-12', '13'),
        fc.constantFrom('?', '*', 'MON-FRI', '6#3', '6L'),
        optional('2099', '*', '1969'),
        optional('UTC', 'utc', 'Europe/Rome'),
        fc.constantFrom(' ', '  ', '\t'),
      )
      .map((parts) =>
        parts
          .slice(0, -1)
          .filter((w) => w !== '')
          .join(parts[parts.length - 1]),
      );
    fc.assert(
      fc.property(fc.oneof(junk, fields), (expression) => {
        const problems = quartzCronProblems(expression, 'cron');
        expect(problems.every((p) => p.path === 'cron' && p.message !== '')).to.equal(true);
        if (problems.length === 0) {
          const normal = normalizedCron(expression);
          expect(normalizedCron(normal)).to.equal(normal);
          expect(quartzCronProblems(normal, 'cron')).to.deep.equal([]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
