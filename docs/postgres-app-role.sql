-- ZeMAG on PostgreSQL: the rights of the application role (README, "Database roles").
--
-- The owner role owns the database and its tables and runs the migrations
-- (`npm run -s zemag -- db migrate` with the owner's DATABASE_URL). The server connects as the
-- application role, which may read and write the register but cannot UPDATE, DELETE or
-- TRUNCATE audit events: the chain is linked through audit_link(), a function that runs with
-- the owner's rights and can only fill in an event's link, once.
--
-- Run as the owner after the migrations, again after every upgrade (new tables):
--   psql "postgres://zemag_owner@db/zemag" -v app_role=zemag_app -f docs/postgres-app-role.sql

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO :"app_role";
-- the server reads which migrations were applied; it changes nothing there
GRANT USAGE ON SCHEMA drizzle TO :"app_role";
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO :"app_role";
-- the audit log: insert and read only
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM :"app_role";
-- the chain functions with a caller-chosen lock key (kept for the fixed-key ones, migration 0031)
REVOKE EXECUTE ON FUNCTION audit_link(bigint, integer, text) FROM :"app_role";
REVOKE EXECUTE ON FUNCTION audit_trim(bigint, bigint) FROM :"app_role";
