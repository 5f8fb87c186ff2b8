import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { fileFormats, fileStorages } from '../../src/descriptor/workload-spec.codec.js';
import { SPECIFIC, specificWith, validate, type Specific, type Tree } from './fixtures.js';

const problemsOf = (change: (s: Specific) => void) => validate(specificWith(change));
const accepted = (change: (s: Specific) => void): boolean => E.isRight(problemsOf(change));
const left = (...problems: ReadonlyArray<readonly [string, string]>) =>
  E.left(problems.map(([path, message]) => ({ path: `${SPECIFIC}.${path}`, message })));

const SYNC_MODES = [
  'full_refresh_overwrite',
  'full_refresh_overwrite_deduped',
  'full_refresh_append',
  'full_refresh_update',
  'full_refresh_soft_delete',
  'incremental_append',
  'incremental_deduped_history',
  'incremental_update',
  'incremental_soft_delete',
];

describe('validateProvisioningRequest: the Airbyte workload specific', () => {
  describe('required fields and their types', () => {
    for (const part of ['source', 'destination', 'connection'] as const) {
      it(`requires ${part}`, () => {
        const result = problemsOf((s) => delete (s as Partial<Specific>)[part]);
        expect(E.isLeft(result) && result.left.map((p) => p.path)).to.deep.equal([`${SPECIFIC}.${part}`]);
      });
    }

    it('requires the source name and connectionConfiguration', () => {
      expect(
        problemsOf((s) => {
          delete s.source['name'];
          delete (s.source as Partial<Specific['source']>).connectionConfiguration;
        }),
      ).to.deep.equal(
        left(
          ['source.name', 'is required (a non-empty string)'],
          ['source.connectionConfiguration', 'is required (a mapping)'],
        ),
      );
    });

    it('never quotes a connection configuration that is not a mapping, since it may be a secret', () => {
      expect(
        problemsOf((s) => {
          (s.source as Tree)['connectionConfiguration'] = 'password=hunter2';
          (s.destination as Tree)['connectionConfiguration'] = 42;
        }),
      ).to.deep.equal(
        left(
          ['source.connectionConfiguration', "must be a mapping of the connector's settings, got a string"],
          [
            'destination.connectionConfiguration',
            "must be a mapping of the connector's settings, got a number",
          ],
        ),
      );
    });

    it('reports ill-typed source, destination and connection fields together', () => {
      expect(
        problemsOf((s) => {
          s.source['name'] = 12;
          s.source['sourceType'] = '';
          s.destination.connectionConfiguration = [
            'a',
          ] as unknown as Specific['destination']['connectionConfiguration'];
          s.destination['destinationType'] = false;
          s.connection['name'] = '   ';
          s.connection['syncOnProvision'] = 'maybe';
          s.connection['prefix'] = 3;
          s.connection['streams'] = 'all';
        }),
      ).to.deep.equal(
        left(
          ['source.name', 'must be a non-empty string, got 12'],
          ['source.sourceType', 'must be a non-empty string, got ""'],
          [
            'destination.connectionConfiguration',
            "must be a mapping of the connector's settings, got a list",
          ],
          ['destination.destinationType', 'must be a non-empty string, got false'],
          ['connection.name', 'must be a non-empty string, got "   "'],
          ['connection.streams', 'must be a list of streams, got "all"'],
          ['connection.prefix', 'must be a string, got 3'],
          [
            'connection.syncOnProvision',
            'must be never, onCreate, onChange or always (true = always, false = never), got "maybe"',
          ],
        ),
      );
    });

    it('reports ill-typed stream fields with the stream index', () => {
      expect(
        problemsOf((s) => {
          s.connection['streams'] = [{ name: 'ok' }, { cursorField: 'updated_at', primaryKey: ['id'] }];
        }),
      ).to.deep.equal(
        left(
          ['connection.streams[1].name', 'is required (a non-empty string)'],
          ['connection.streams[1].cursorField', 'must be a list of strings, got "updated_at"'],
          ['connection.streams[1].primaryKey[0]', 'must be a list of strings, got "id"'],
        ),
      );
    });
  });

  describe('enumerations', () => {
    it('accepts every sync mode for a source that is not File', () => {
      for (const syncMode of SYNC_MODES) {
        expect(
          accepted((s) => {
            s.source['sourceType'] = 'postgres';
            s.connection['streams'] = [{ name: 'a', syncMode }];
          }),
          syncMode,
        ).to.equal(true);
      }
    });

    it('rejects an unknown sync mode', () => {
      const result = problemsOf((s) => (s.connection['streams'] = [{ name: 'a', syncMode: 'incremental' }]));
      expect(result).to.deep.equal(
        left([
          'connection.streams[0].syncMode',
          `must be one of ${SYNC_MODES.map((m) => JSON.stringify(m)).join(', ')}, got "incremental"`,
        ]),
      );
    });

    for (const [field, good, values] of [
      ['status', 'inactive', '"active", "inactive"'],
      ['namespaceDefinition', 'destination', '"source", "destination", "custom_format"'],
      [
        'nonBreakingSchemaUpdatesBehavior',
        'propagate_fully',
        '"ignore", "disable_connection", "propagate_columns", "propagate_fully"',
      ],
    ] as const) {
      it(`accepts a known ${field} and rejects an unknown one`, () => {
        expect(accepted((s) => (s.connection[field] = good))).to.equal(true);
        expect(problemsOf((s) => (s.connection[field] = 'sometimes'))).to.deep.equal(
          left([`connection.${field}`, `must be one of ${values}, got "sometimes"`]),
        );
      });
    }

    it('accepts a known schedule type and rejects an unknown one', () => {
      expect(accepted((s) => (s.connection['schedule'] = { scheduleType: 'manual' }))).to.equal(true);
      expect(problemsOf((s) => (s.connection['schedule'] = { scheduleType: 'basic' }))).to.deep.equal(
        left(['connection.schedule.scheduleType', 'must be one of "manual", "cron", got "basic"']),
      );
    });

    it('accepts every File format and storage', () => {
      for (const format of fileFormats) {
        expect(
          accepted((s) => (s.source.connectionConfiguration['format'] = format)),
          format,
        ).to.equal(true);
      }
      for (const storage of fileStorages) {
        expect(
          accepted((s) => (s.source.connectionConfiguration['provider'] = { storage })),
          storage,
        ).to.equal(true);
      }
    });

    it('rejects an unknown File format and provider storage', () => {
      expect(
        problemsOf((s) => {
          s.source.connectionConfiguration['format'] = 'xml';
          s.source.connectionConfiguration['provider'] = { storage: 'FTP' };
        }),
      ).to.deep.equal(
        left(
          ['source.connectionConfiguration.format', `must be one of ${fileFormats.join(', ')}; got "xml"`],
          [
            'source.connectionConfiguration.provider.storage',
            `must be one of ${fileStorages.join(', ')}; got "FTP"`,
          ],
        ),
      );
    });

    it('rejects a File provider without storage or that is not a mapping', () => {
      for (const provider of [{}, 'HTTPS']) {
        expect(problemsOf((s) => (s.source.connectionConfiguration['provider'] = provider))).to.deep.equal(
          left([
            'source.connectionConfiguration.provider.storage',
            `must be one of ${fileStorages.join(', ')}; got null`,
          ]),
        );
      }
    });

    it('requires url and dataset_name for a File source', () => {
      expect(
        problemsOf((s) => {
          delete s.source.connectionConfiguration['url'];
          s.source.connectionConfiguration['dataset_name'] = ' ';
        }),
      ).to.deep.equal(
        left(
          ['source.connectionConfiguration.url', 'is required for a File source (a non-empty string)'],
          [
            'source.connectionConfiguration.dataset_name',
            'is required for a File source (a non-empty string)',
          ],
        ),
      );
    });

    it('does not apply the File rules to another source type or a definition id', () => {
      expect(
        accepted((s) => {
          s.source['sourceType'] = 'postgres';
          s.source.connectionConfiguration = { host: 'db', format: 'whatever' };
        }),
      ).to.equal(true);
      expect(
        accepted((s) => {
          s.source['definitionId'] = '778daa7c-feaf-4db6-96f3-70fd645acc77';
          s.source.connectionConfiguration = {};
        }),
      ).to.equal(true);
    });

    it('applies the File rules when sourceType says file', () => {
      expect(
        problemsOf((s) => {
          s.source['sourceType'] = 'file';
          s.source.connectionConfiguration['format'] = 'xml';
        }),
      ).to.deep.equal(
        left([
          'source.connectionConfiguration.format',
          `must be one of ${fileFormats.join(', ')}; got "xml"`,
        ]),
      );
    });
  });

  describe('definitionId', () => {
    it('must be a UUID', () => {
      expect(
        problemsOf((s) => {
          s.source['definitionId'] = 'file';
          s.destination['definitionId'] = '424892c4-daac-4491-b35d-c6688ba547ba-x';
        }),
      ).to.deep.equal(
        left(
          ['source.definitionId', 'must be a UUID, got "file"'],
          ['destination.definitionId', 'must be a UUID, got "424892c4-daac-4491-b35d-c6688ba547ba-x"'],
        ),
      );
    });

    it('may not be given together with a type', () => {
      expect(
        problemsOf((s) => {
          s.source['sourceType'] = 'file';
          s.source['definitionId'] = '778daa7c-feaf-4db6-96f3-70fd645acc77';
          s.destination['destinationType'] = 'snowflake';
          s.destination['definitionId'] = '424892C4-DAAC-4491-B35D-C6688BA547BA';
        }),
      ).to.deep.equal(
        left(
          ['source', 'set either sourceType or definitionId, not both'],
          ['destination', 'set either destinationType or definitionId, not both'],
        ),
      );
    });
  });

  describe('schedule', () => {
    const cron = (cronExpression?: string) => (s: Specific) =>
      (s.connection['schedule'] =
        cronExpression === undefined ? { scheduleType: 'cron' } : { scheduleType: 'cron', cronExpression });

    it('accepts Quartz cron expressions of 6 and 7 fields', () => {
      for (const expression of ['0 0 12 * * ?', '0 15 10 ? * MON-FRI', '0 5 14 * * ? 2027', '0 0 12 L * ?']) {
        expect(accepted(cron(expression)), expression).to.equal(true);
      }
    });

    it('requires a cron expression when scheduleType is cron', () => {
      expect(problemsOf(cron())).to.deep.equal(
        left(['connection.schedule.cronExpression', 'is required when scheduleType is cron']),
      );
    });

    for (const [expression, count] of [
      ['0 12 * * *', 5],
      ['0 0 12 * * ? 2027 2028', 8],
      ['', 0],
    ] as const) {
      it(`rejects a cron expression of ${count} field(s)`, () => {
        expect(problemsOf(cron(expression))).to.deep.equal(
          left([
            'connection.schedule.cronExpression',
            `must be a Quartz cron expression of 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), e.g. "0 0 12 * * ?"; got ${count} field(s)`,
          ]),
        );
      });
    }

    for (const [label, expression] of [
      ['both day fields set', '0 0 12 * * *'],
      ['"?" in both day fields', '0 0 12 ? * ?'],
    ] as const) {
      it(`rejects a cron expression with ${label}`, () => {
        expect(problemsOf(cron(expression))).to.deep.equal(
          left([
            'connection.schedule.cronExpression',
            'must have "?" in exactly one of day-of-month and day-of-week (Quartz cron), e.g. "0 0 12 * * ?"',
          ]),
        );
      });
    }

    // both would be a 400 from Airbyte after the source and destination were written
    for (const [expression, message] of [
      [
        '0 0 9 ? * MON-FRI Europe/Rome',
        "ends with the time zone Europe/Rome, but Airbyte's API schedules in UTC only; write the times in UTC and drop the time zone",
      ],
      [
        '* * * * * ?',
        'runs more often than Airbyte accepts: the seconds "*" field must be a single number, e.g. "0 0 12 * * ?"',
      ],
    ] as const) {
      it(`rejects what Airbyte's server refuses: ${expression}`, () => {
        expect(problemsOf(cron(expression))).to.deep.equal(
          left(['connection.schedule.cronExpression', message]),
        );
      });
    }

    it('rejects characters cron does not use', () => {
      expect(problemsOf(cron('0 0 12 * * ? $(rm)'))).to.deep.equal(
        left([
          'connection.schedule.cronExpression',
          'has invalid cron field(s): year "$(rm)" (allowed: 1970-2099 with , - * /)',
        ]),
      );
    });

    it('rejects a cron expression without scheduleType cron', () => {
      expect(
        problemsOf(
          (s) => (s.connection['schedule'] = { scheduleType: 'manual', cronExpression: '0 0 12 * * ?' }),
        ),
      ).to.deep.equal(
        left(['connection.schedule.cronExpression', 'is only allowed when scheduleType is cron']),
      );
    });
  });

  it('accepts namespaceFormat with custom_format and rejects it otherwise', () => {
    expect(
      accepted((s) => {
        s.connection['namespaceDefinition'] = 'custom_format';
        s.connection['namespaceFormat'] = '${SOURCE_NAMESPACE}_raw';
      }),
    ).to.equal(true);
    for (const namespaceDefinition of ['source', undefined]) {
      expect(
        problemsOf((s) => {
          if (namespaceDefinition !== undefined) s.connection['namespaceDefinition'] = namespaceDefinition;
          s.connection['namespaceFormat'] = 'raw';
        }),
      ).to.deep.equal(
        left(['connection.namespaceFormat', 'is only used when namespaceDefinition is custom_format']),
      );
    }
  });

  describe('sync mode and cursor of a stream', () => {
    const FULL_REFRESH = SYNC_MODES.filter((m) => m.startsWith('full_refresh_'));
    const INCREMENTAL = SYNC_MODES.filter((m) => m.startsWith('incremental_'));

    it('accepts every full refresh mode for a File source', () => {
      for (const syncMode of FULL_REFRESH) {
        expect(
          accepted((s) => (s.connection['streams'] = [{ name: 'epidemiology', syncMode }])),
          syncMode,
        ).to.equal(true);
      }
    });

    for (const syncMode of INCREMENTAL) {
      it(`refuses ${syncMode} for a File source, which reads the whole file every time`, () => {
        expect(
          problemsOf(
            (s) => (s.connection['streams'] = [{ name: 'epidemiology', syncMode, cursorField: ['date'] }]),
          ),
        ).to.deep.equal(
          left([
            'connection.streams[0].syncMode',
            `${syncMode} is not possible with a File source, which reads the whole file on every sync; use a full refresh mode (${FULL_REFRESH.join(', ')})`,
          ]),
        );
      });
    }

    it('refuses incremental modes for a File source named by sourceType too, but not for a definition id', () => {
      const incremental = [{ name: 'a', syncMode: 'incremental_append' }];
      expect(
        accepted((s) => {
          s.source['sourceType'] = 'file';
          s.connection['streams'] = incremental;
        }),
      ).to.equal(false);
      expect(
        accepted((s) => {
          s.source['definitionId'] = '778daa7c-feaf-4db6-96f3-70fd645acc77';
          s.connection['streams'] = incremental;
        }),
      ).to.equal(true);
    });

    it('accepts an incremental mode without cursorField: the source may define its cursor', () => {
      expect(
        accepted((s) => {
          s.source['sourceType'] = 'postgres';
          s.connection['streams'] = [{ name: 'users', syncMode: 'incremental_deduped_history' }];
        }),
      ).to.equal(true);
    });

    it('accepts a cursorField with an incremental mode or with no mode given', () => {
      expect(
        accepted((s) => {
          s.source['sourceType'] = 'postgres';
          s.connection['streams'] = [
            { name: 'users', syncMode: 'incremental_append', cursorField: ['updated_at'] },
            { name: 'orders', cursorField: ['created_at'] },
          ];
        }),
      ).to.equal(true);
    });

    it('refuses a cursorField with a full refresh mode, and an empty cursorField, all at once', () => {
      expect(
        problemsOf((s) => {
          s.source['sourceType'] = 'postgres';
          s.connection['streams'] = [
            { name: 'users', syncMode: 'full_refresh_overwrite', cursorField: ['updated_at'] },
            { name: 'orders', syncMode: 'incremental_append', cursorField: [] },
          ];
        }),
      ).to.deep.equal(
        left(
          [
            'connection.streams[0].cursorField',
            'is used only by incremental sync modes; remove it or choose an incremental_* syncMode instead of full_refresh_overwrite',
          ],
          ['connection.streams[1].cursorField', 'must name the cursor field, e.g. [updated_at]'],
        ),
      );
    });
  });

  it('rejects duplicate stream names, pointing at each repeat', () => {
    expect(
      problemsOf(
        (s) => (s.connection['streams'] = [{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }]),
      ),
    ).to.deep.equal(
      left(
        ['connection.streams[2].name', 'duplicates streams[0]: "a" is listed twice'],
        ['connection.streams[3].name', 'duplicates streams[0]: "a" is listed twice'],
      ),
    );
  });

  it('accumulates the problems of every rule in one answer', () => {
    expect(
      problemsOf((s) => {
        s.source['sourceType'] = 'file';
        s.source['definitionId'] = '778daa7c-feaf-4db6-96f3-70fd645acc77';
        s.connection['schedule'] = { scheduleType: 'cron', cronExpression: '* * *' };
        s.connection['namespaceFormat'] = 'x';
        s.connection['streams'] = [{ name: 'a' }, { name: 'a' }];
      }),
    ).to.deep.equal(
      left(
        ['source', 'set either sourceType or definitionId, not both'],
        [
          'connection.schedule.cronExpression',
          'must be a Quartz cron expression of 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), e.g. "0 0 12 * * ?"; got 3 field(s)',
        ],
        ['connection.namespaceFormat', 'is only used when namespaceDefinition is custom_format'],
        ['connection.streams[1].name', 'duplicates streams[0]: "a" is listed twice'],
      ),
    );
  });

  it('tells the rules together with the type problems, never twice for one field', () => {
    expect(
      problemsOf((s) => {
        s.source.connectionConfiguration['format'] = 'xml';
        s.destination['definitionId'] = 'not-a-uuid';
        s.connection['status'] = 'paused';
        s.connection['schedule'] = { scheduleType: 'cron', cronExpression: '0 0 25 * * ?' };
        s.connection['namespaceDefinition'] = 'custom';
        s.connection['namespaceFormat'] = 'x';
        s.connection['streams'] = [
          { name: 'a', syncMode: 'sometimes', cursorField: [] },
          { name: 'a', syncMode: 'incremental_append' },
          { name: '' },
        ];
      }),
    ).to.deep.equal(
      left(
        ['destination.definitionId', 'must be a UUID, got "not-a-uuid"'],
        [
          'connection.streams[0].syncMode',
          `must be one of ${SYNC_MODES.map((m) => JSON.stringify(m)).join(', ')}, got "sometimes"`,
        ],
        ['connection.streams[2].name', 'must be a non-empty string, got ""'],
        ['connection.status', 'must be one of "active", "inactive", got "paused"'],
        [
          'connection.namespaceDefinition',
          'must be one of "source", "destination", "custom_format", got "custom"',
        ],
        [
          'source.connectionConfiguration.format',
          'must be one of csv, json, jsonl, excel, excel_binary, fwf, feather, parquet, yaml; got "xml"',
        ],
        [
          'connection.schedule.cronExpression',
          'has invalid cron field(s): hours "25" (allowed: 0-23 with , - * /)',
        ],
        ['connection.streams[0].cursorField', 'must name the cursor field, e.g. [updated_at]'],
        ['connection.streams[1].name', 'duplicates streams[0]: "a" is listed twice'],
        [
          'connection.streams[1].syncMode',
          'incremental_append is not possible with a File source, which reads the whole file on every sync; use a full refresh mode (full_refresh_overwrite, full_refresh_overwrite_deduped, full_refresh_append, full_refresh_update, full_refresh_soft_delete)',
        ],
      ),
    );
  });

  it('stays silent about a schedule, a cron or streams whose types are wrong: decoding tells those', () => {
    expect(
      problemsOf((s) => {
        s.connection['schedule'] = { scheduleType: 'hourly', cronExpression: 5 };
        s.connection['streams'] = [3, { name: 4, cursorField: 'x' }];
      }),
    ).to.deep.equal(
      left(
        [
          'connection.streams[0]',
          'must be a mapping with name and optional syncMode, cursorField, primaryKey, got 3',
        ],
        ['connection.streams[1].name', 'must be a non-empty string, got 4'],
        ['connection.streams[1].cursorField', 'must be a list of strings, got "x"'],
        ['connection.schedule.scheduleType', 'must be one of "manual", "cron", got "hourly"'],
        ['connection.schedule.cronExpression', 'must be a string such as "0 0 12 * * ?", got 5'],
      ),
    );
  });

  it('reports the component kind together with the workload rules', () => {
    const text = specificWith((s) => (s.connection['streams'] = [{ name: 'a' }, { name: 'a' }]));
    const result = validate(text.replace('kind: workload', 'kind: storage'));
    expect(result).to.deep.equal(
      E.left([
        {
          path: 'dataProduct.components[0].kind',
          message: 'must be workload for the Airbyte provisioner; got "storage"',
        },
        {
          path: `${SPECIFIC}.connection.streams[1].name`,
          message: 'duplicates streams[0]: "a" is listed twice',
        },
      ]),
    );
  });

  it('warns that dbtGitUrl is ignored', () => {
    const result = validate(
      specificWith((s) => (s.connection['dbtGitUrl'] = 'https://git.example.com/dbt.git')),
    );
    expect(E.isRight(result) && result.right.warnings).to.deep.equal([
      `${SPECIFIC}.connection.dbtGitUrl is accepted for compatibility and ignored: this provisioner runs no dbt transformation`,
    ]);
  });

  describe('sync after deploy', () => {
    it('refuses a sync on an inactive connection, and a wait without a sync', () => {
      expect(
        problemsOf((s) => {
          s.connection['status'] = 'inactive';
          s.connection['syncOnProvision'] = 'onChange';
        }),
      ).to.deep.equal(
        left([
          'connection.syncOnProvision',
          'an inactive connection cannot sync; set status: active, or syncOnProvision: never',
        ]),
      );
      expect(
        problemsOf((s) => {
          s.connection['syncOnProvision'] = 'never';
          s.connection['waitForSync'] = true;
        }),
      ).to.deep.equal(
        left(['connection.waitForSync', 'there is no sync to wait for: set syncOnProvision too']),
      );
    });

    it('accepts the wait settings only with waitForSync, and in range', () => {
      expect(
        problemsOf((s) => {
          s.connection['syncOnProvision'] = true;
          s.connection['syncTimeoutSeconds'] = 60;
          s.connection['onSyncTimeout'] = 'warn';
        }),
      ).to.deep.equal(
        left(
          ['connection.syncTimeoutSeconds', 'is only used with waitForSync: true'],
          ['connection.onSyncTimeout', 'is only used with waitForSync: true'],
        ),
      );
      expect(
        problemsOf((s) => {
          s.connection['syncOnProvision'] = 'always';
          s.connection['waitForSync'] = true;
          s.connection['syncTimeoutSeconds'] = 0;
          s.connection['onSyncTimeout'] = 'ignore';
        }),
      ).to.deep.equal(
        left(
          ['connection.syncTimeoutSeconds', 'must be a whole number of seconds from 1 to 604800, got 0'],
          ['connection.onSyncTimeout', 'must be fail or warn, got "ignore"'],
        ),
      );
    });
  });
});
