SET LOCAL lock_timeout = '5s';
ALTER TABLE ${flyway:defaultSchema}.orders ADD COLUMN note text;
