CREATE TABLE ${flyway:defaultSchema}.customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${flyway:defaultSchema}.orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES ${flyway:defaultSchema}.customers (id),
    status      text NOT NULL DEFAULT 'new',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Deleting a customer checks orders for references: without this index, every such check scans orders.
CREATE INDEX orders_customer_id_idx ON ${flyway:defaultSchema}.orders (customer_id);
