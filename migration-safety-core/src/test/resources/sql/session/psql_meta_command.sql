-- A psql meta-command is reported, never interpreted.
\set ON_ERROR_STOP on
