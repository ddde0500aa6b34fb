-- The access log (AuditEvent) is append-only in the database itself, not
-- only in the application: UPDATE is refused, and DELETE is refused for
-- rows younger than five years (Patientdatalagen's minimum; the retention
-- sweep removes only older rows). Prisma's schema cannot express triggers,
-- so this migration has no schema change. `at` is compared as the instant it
-- holds whether the driver stored it as text or as epoch milliseconds.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_early_delete" BEFORE DELETE ON "AuditEvent"
WHEN (CASE WHEN typeof(OLD."at") = 'integer' THEN OLD."at" / 1000 ELSE CAST(strftime('%s', OLD."at") AS INTEGER) END) > CAST(strftime('%s', 'now', '-5 years') AS INTEGER)
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent rows are kept at least five years');
END;
