-- audit_append takes its time as timestamptz, like the column it fills. The old signature is
-- dropped so no caller can pass a time without a zone by mistake.
-- (The body spells its semicolons as the octal escape \073: the migration runner splits on them.)
DROP FUNCTION audit_append(timestamp(3), text, text, text, text, text, jsonb, text, text, text, text);
CREATE FUNCTION audit_append(
  p_at timestamptz(3), p_actor_id text, p_actor_email text, p_action text, p_target_type text,
  p_target_id text, p_details jsonb, p_ip text, p_user_agent text, p_request_id text, p_content text
) RETURNS text LANGUAGE plpgsql AS
E'DECLARE prev text\073 h text\073
BEGIN
  PERFORM pg_advisory_xact_lock(7114201)\073
  SELECT hash INTO prev FROM "AuditEvent" ORDER BY seq DESC LIMIT 1\073
  prev := coalesce(prev, repeat(''0'', 64))\073
  h := encode(sha256(convert_to(prev || chr(10) || p_content, ''UTF8'')), ''hex'')\073
  INSERT INTO "AuditEvent" (at, "actorId", "actorEmail", action, "targetType", "targetId", details, ip, "userAgent", "requestId", "prevHash", hash)
  VALUES (p_at, p_actor_id, p_actor_email, p_action, p_target_type, p_target_id, p_details, p_ip, p_user_agent, p_request_id, prev, h)\073
  RETURN h\073
END\073';
