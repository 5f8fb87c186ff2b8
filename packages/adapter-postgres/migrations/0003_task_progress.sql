-- What a RUNNING task has published of its log so far (the latest entries only, as JSON), shown by status
-- requests before it ends; cleared when it finishes, whose outcome has its own logs. Never a secret.

ALTER TABLE provisioner_tasks ADD COLUMN progress jsonb;
