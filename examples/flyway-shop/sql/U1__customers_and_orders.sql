DROP TABLE ${flyway:defaultSchema}.orders;
DROP TABLE ${flyway:defaultSchema}.customers;
