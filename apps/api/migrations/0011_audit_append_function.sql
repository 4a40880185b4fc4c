-- Appends one audit event to the hash chain in one call: takes the chain-head lock, reads the
-- head (a PL/pgSQL statement after the lock sees every event committed before it was granted),
-- and inserts the event with the next number and its hash. The hash is SHA-256 over the
-- event's canonical JSON (audit.canonical.ts), which the caller sends in three parts around
-- the previous hash and the number; `verify()` recomputes it in JavaScript as before.
-- One round trip under the lock instead of three: the lock is held until COMMIT, so every
-- round trip inside it is waited for by every other writer.
CREATE FUNCTION audit_append(
  p_lock_key bigint,
  p_occurred_at timestamptz,
  p_actor_id uuid,
  p_action text,
  p_subject_type text,
  p_subject_id text,
  p_purpose text,
  p_details jsonb,
  p_before_prev_hash text,
  p_before_seq text,
  p_after_seq text,
  p_genesis_hash text
) RETURNS TABLE (appended_seq bigint, appended_hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock_key);
  SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1;
  appended_seq := coalesce(head_seq, 0) + 1;
  head_hash := coalesce(head_hash, p_genesis_hash);
  appended_hash := encode(sha256(convert_to(
    p_before_prev_hash || head_hash || p_before_seq || appended_seq::text || p_after_seq, 'UTF8')), 'hex');
  INSERT INTO audit_events (seq, occurred_at, actor_id, action, subject_type, subject_id, purpose,
      details, prev_hash, hash)
    VALUES (appended_seq, p_occurred_at, p_actor_id, p_action, p_subject_type, p_subject_id,
      p_purpose, p_details, head_hash, appended_hash);
  RETURN NEXT;
END;
$$;
