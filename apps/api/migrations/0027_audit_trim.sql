-- Audit retention (issue 14): events older than the retention period are removed from the head
-- of the chain, after a signed checkpoint of the last removed position was written as the new
-- anchor (audit.trim.ts). Only audit_trim() may delete, only linked events up to the position
-- it was given, never the chain head, and never an event younger than six months whatever the
-- application asks; it runs with the owner's rights, so the application role needs no DELETE.
CREATE FUNCTION audit_events_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  through text := current_setting('zemag.audit_trim_through', true);
BEGIN
  IF through IS NOT NULL AND through <> '' AND OLD.chain_pos IS NOT NULL
     AND OLD.chain_pos <= through::bigint THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
DROP TRIGGER "audit_events_no_delete" ON "audit_events";--> statement-breakpoint
CREATE TRIGGER "audit_events_no_delete"
  BEFORE DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_delete();--> statement-breakpoint
CREATE FUNCTION audit_trim(p_lock_key bigint, p_through bigint)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_pos bigint;
  youngest timestamptz;
  removed integer;
BEGIN
  -- the chain head lock: no link is made while the head of the chain is removed
  PERFORM pg_advisory_xact_lock(p_lock_key);
  SELECT max(chain_pos) INTO head_pos FROM audit_events WHERE chain_pos IS NOT NULL;
  IF head_pos IS NULL OR p_through >= head_pos THEN
    RAISE EXCEPTION 'audit_trim: the chain head stays (through %, head %)', p_through, head_pos
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT max(occurred_at) INTO youngest FROM audit_events
    WHERE chain_pos IS NOT NULL AND chain_pos <= p_through;
  IF youngest > now() - interval '6 months' THEN
    RAISE EXCEPTION 'audit_trim: events younger than six months are never removed (through %)', p_through
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('zemag.audit_trim_through', p_through::text, true);
  DELETE FROM audit_events WHERE chain_pos IS NOT NULL AND chain_pos <= p_through;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('zemag.audit_trim_through', '', true);
  RETURN removed;
END;
$$;
