-- The access log (AuditEvent) is append-only in the database itself, not
-- only in the application: UPDATE and TRUNCATE are refused, and DELETE is
-- refused for rows younger than five years (Patientdatalagen's minimum; the
-- retention sweep removes only older rows). Prisma's schema cannot express
-- triggers, so this migration has no schema change. `at` is UTC without a
-- time zone, as Prisma writes it.
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."at" < (now() AT TIME ZONE 'UTC') - interval '5 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_early_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_append_only"();
