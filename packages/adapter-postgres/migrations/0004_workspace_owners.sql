-- Per-data-product Airbyte workspaces (AIRBYTE_WORKSPACE_MODE=per-data-product): which data product owns
-- each workspace name, so that two data products never share one, across replicas and restarts.

CREATE TABLE provisioner_workspace_owners (
  workspace_name  text PRIMARY KEY,
  data_product_id text NOT NULL,
  workspace_id    text NOT NULL,
  claimed_at      timestamptz NOT NULL DEFAULT now()
);
