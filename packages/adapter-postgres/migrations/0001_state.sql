-- The provisioner's durable state: tasks, per-component leases, deployment records, resource ownership.
-- Forward-only: a later change is a new numbered file, never an edit of this one.

CREATE TABLE provisioner_tasks (
  token        text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('provisioning', 'validation')),
  status       text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
  -- the value (COMPLETED) or the failure (FAILED), as JSON
  outcome      jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- set when the task finishes: it is readable until then, and purged after
  expires_at   timestamptz,
  -- the replica running the task, and when it last said so
  owner        text,
  heartbeat_at timestamptz,
  -- what a replica taking over a stale task needs (AES-256-GCM; never in clear), dropped once finished
  operation    text,
  request      bytea,
  attempts     integer NOT NULL DEFAULT 1
);
CREATE INDEX provisioner_tasks_expiry ON provisioner_tasks (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX provisioner_tasks_running ON provisioner_tasks (heartbeat_at) WHERE status = 'RUNNING';

CREATE TABLE provisioner_leases (
  component_id text PRIMARY KEY,
  owner        text NOT NULL,
  -- grows by one at every acquisition: a holder whose number is not the row's has lost the lease
  fencing      bigint NOT NULL,
  expires_at   timestamptz NOT NULL
);

CREATE TABLE provisioner_deployment_records (
  component_id text PRIMARY KEY,
  record       jsonb NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE provisioner_resource_owners (
  resource_id  text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('source', 'destination', 'connection')),
  name         text NOT NULL,
  component_id text NOT NULL,
  claimed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provisioner_resource_owners_component ON provisioner_resource_owners (component_id);
