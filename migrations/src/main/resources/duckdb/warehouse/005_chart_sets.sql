-- Documents the UI keeps in the warehouse: chart sets, each a validated JSON document under its name.
CREATE SCHEMA IF NOT EXISTS docs;

CREATE TABLE IF NOT EXISTS docs.chart_sets (
  name       VARCHAR     PRIMARY KEY,
  document   VARCHAR     NOT NULL,
  version    INTEGER     NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
