import { expect } from 'chai';
import {
  fileSourceBody,
  openSession,
  snowflakeBody,
  type Problem,
  type Session,
} from '../sandbox/sandbox-client.js';

const PREFIX = 'json schema validation failed when comparing the data to the json schema. \nErrors: ';

describe('sandbox: configurations checked against the published connector schemas', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(() => session.sandbox.close());

  it('answers 422 naming every field whose type, enum or oneOf variant the schema refuses, and stores nothing', async () => {
    const body = fileSourceBody(session.sandbox.workspaceId);
    const configuration = { ...body.configuration, format: 'xlsx', provider: { storage: 'FTP' } };
    const answer = await session.api<Problem>('POST', '/sources', { ...body, configuration });
    expect(answer.status).to.equal(422);
    expect(answer.body.data?.message).to.equal(
      `${PREFIX}$.format: must be one of csv, json, jsonl, excel, excel_binary, fwf, feather, parquet, yaml; got "xlsx", $.provider.storage: must be one of "HTTPS" (HTTPS: Public Web), "GCS" (GCS: Google Cloud Storage), "S3" (S3: Amazon Web Services), "AzBlob" (AzBlob: Azure Blob Storage), "SSH" (SSH: Secure Shell), "SCP" (SCP: Secure copy protocol), "SFTP" (SFTP: Secure File Transfer Protocol), "local" (Local Filesystem (limited)); got "FTP" `,
    );
    expect(session.sandbox.snapshot().sources).to.have.length(0);
  });

  it('accepts what the provisioner sends, and refuses a destination setting of the wrong type', async () => {
    const ws = session.sandbox.workspaceId;
    expect((await session.api('POST', '/sources', fileSourceBody(ws))).status).to.equal(200);
    expect((await session.api('POST', '/destinations', snowflakeBody(ws))).status).to.equal(200);
    const body = snowflakeBody(ws);
    const wrong = await session.api<Problem>('POST', '/destinations', {
      ...body,
      configuration: { ...body.configuration, retention_period_days: 'seven' },
    });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.data?.message).to.contain('$.retention_period_days: must be an integer, got a string');
  });
});
