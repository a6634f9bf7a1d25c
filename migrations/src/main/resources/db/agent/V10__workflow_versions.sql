-- Every stored version of a workflow's definition: an execution runs the version it started with, so an edit
-- while it runs changes only the executions started after it.
CREATE TABLE workflow_versions (
  workflow_id  uuid         NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
  version      bigint       NOT NULL,
  definition   jsonb        NOT NULL,
  created_at   timestamptz  NOT NULL,
  PRIMARY KEY (workflow_id, version)
);
INSERT INTO workflow_versions (workflow_id, version, definition, created_at)
  SELECT id, version, definition, updated_at FROM workflows;

ALTER TABLE executions ADD COLUMN workflow_version bigint;
UPDATE executions e SET workflow_version = w.version FROM workflows w WHERE w.id = e.workflow_id;
ALTER TABLE executions ALTER COLUMN workflow_version SET NOT NULL;
ALTER TABLE executions ADD CONSTRAINT executions_workflow_version_fk
  FOREIGN KEY (workflow_id, workflow_version) REFERENCES workflow_versions (workflow_id, version);
