-- The chainer links events with the rights of the function's owner (the role that ran the
-- migrations), so that on PostgreSQL the application can connect as a role without UPDATE,
-- DELETE or TRUNCATE on audit_events (docs/postgres-app-role.sql). The trigger
-- audit_events_link_once still allows nothing but filling in an unlinked event's link.
ALTER FUNCTION audit_link(bigint, integer, text) SECURITY DEFINER SET search_path = public, pg_temp;
