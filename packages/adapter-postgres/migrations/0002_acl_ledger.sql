-- updateacl's ledger: which component relies on which Airbyte permission, and whether this provisioner
-- made it. Ids, refs and roles only: nothing secret. One row per (component, permission).

CREATE TABLE provisioner_acl_grants (
  component_id   text NOT NULL,
  permission_id  text NOT NULL,
  principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal_id   text NOT NULL,
  -- how the request named the principal (`user:john.doe_example.com`), for the logs
  ref            text NOT NULL,
  workspace_id   text NOT NULL,
  role           text NOT NULL,
  made           boolean NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (component_id, permission_id)
);
CREATE INDEX provisioner_acl_grants_permission ON provisioner_acl_grants (permission_id);
