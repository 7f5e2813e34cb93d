-- Columns with every kind of column constraint, and table constraints.
CREATE TABLE IF NOT EXISTS public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id int4 NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status varchar(20) NOT NULL DEFAULT 'pending',
    total numeric(10, 2) DEFAULT 0 CHECK (total >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamp(3) without time zone,
    tags text[] DEFAULT '{}'::text[],
    payload "public"."Payload",
    price float(53),
    flag boolean NULL,
    code char(3) COLLATE "C" UNIQUE,
    ref uuid DEFAULT gen_random_uuid(),
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', status)) STORED,
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid')),
    UNIQUE NULLS NOT DISTINCT (customer_id, code) INCLUDE (status),
    CONSTRAINT orders_total_fk FOREIGN KEY (customer_id, code) REFERENCES accounts (cid, code) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE UNLOGGED TABLE "Audit" ("Id" serial, "When" timestamp with time zone) WITH (fillfactor = 70);

CREATE TEMP TABLE scratch AS SELECT * FROM orders WITH NO DATA;

CREATE TABLE measurements (city_id int NOT NULL, logdate date NOT NULL) PARTITION BY RANGE (logdate);

CREATE TABLE measurements_y2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE events_default PARTITION OF events DEFAULT;

CREATE TABLE copy_of_orders (LIKE orders INCLUDING ALL, extra text) INHERITS (base);

CREATE TABLE reservations (room int, during tsrange, EXCLUDE USING gist (room WITH =, during WITH &&));
