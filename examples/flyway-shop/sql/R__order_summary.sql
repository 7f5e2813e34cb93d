CREATE OR REPLACE VIEW ${flyway:defaultSchema}.order_summary AS
SELECT customer_id, count(*) AS orders
FROM ${flyway:defaultSchema}.orders
GROUP BY customer_id;

GRANT SELECT ON ${flyway:defaultSchema}.order_summary TO ${audit_role};
