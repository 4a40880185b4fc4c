-- The chain-head lock key is no longer a parameter the caller chooses: audit_link() and
-- audit_trim() with the key as their first argument could be called with another key, and so
-- link or trim without holding the lock every other chainer takes. The two functions below fix
-- the key (7301001, CHAIN_HEAD_LOCK_KEY in audit.repository.ts) and run with the owner's
-- rights; the old ones are no longer executable by anyone but their owner (PUBLIC's default
-- EXECUTE is revoked here; docs/postgres-app-role.sql revokes the application role's grant).
CREATE FUNCTION audit_link(p_limit integer, p_genesis text)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT audit_link(7301001::bigint, p_limit, p_genesis);
$$;
--> statement-breakpoint
CREATE FUNCTION audit_trim(p_through bigint)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT audit_trim(7301001::bigint, p_through);
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION audit_link(bigint, integer, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION audit_trim(bigint, bigint) FROM PUBLIC;
