import type pg from 'pg';
import type { SyntheticClinician } from '../server/modules/followup/synthetic';

/**
 * The report benchmark's notes generated inside PostgreSQL with
 * generate_series: a region's year (1,000,000 notes, 10,000,000 timing
 * events) would take the better part of an hour to build in Node and send
 * over the wire. Same shape and distributions as
 * server/modules/followup/synthetic.ts (log-normal active and waiting
 * minutes, 25 % baseline notes, 6–15 draft sentences with 0–2 flags, ratings,
 * tags, edit stats, ten timing events per note); deterministic for a seed
 * (setseed), clearly synthetic text only. `n` numbers the notes, so several
 * calls fill consecutive ranges.
 */
export async function seedNotesSql(client: pg.Client, clinicians: SyntheticClinician[], from: Date, to: Date, first: number, count: number, seed = 0.42): Promise<void> {
  await client.query('SELECT setseed($1)', [seed]);
  await client.query('DROP TABLE IF EXISTS pg_temp.clin; DROP TABLE IF EXISTS pg_temp.gen');
  await client.query('CREATE TEMP TABLE clin (idx int, user_id text, profession_id text, unit_id text, versions text[])');
  await client.query('INSERT INTO clin (idx, user_id, profession_id, unit_id) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])', [
    clinicians.map((_, i) => i),
    clinicians.map((c) => c.userId),
    clinicians.map((c) => c.professionId),
    clinicians.map((c) => c.careUnitId),
  ]);
  for (const [i, c] of clinicians.entries()) await client.query('UPDATE clin SET versions = $2 WHERE idx = $1', [i, c.versionIds]);
  const span = to.getTime() - from.getTime();
  // one row per note with its draws; z1, z2 standard normal (Box–Muller)
  await client.query(
    `CREATE TEMP TABLE gen AS
     SELECT n, 'g' || n AS id, c.user_id, c.profession_id, c.unit_id, b.baseline,
            CASE WHEN b.baseline THEN c.versions[1] ELSE c.versions[1 + (n / ${clinicians.length}) % array_length(c.versions, 1)] END AS version_id,
            to_timestamp(${from.getTime() / 1000} + floor(random() * ${(span - 3_600_000) / 1000})) AT TIME ZONE 'UTC' AS ended,
            CASE WHEN b.baseline THEN 7 * exp(0.5 * z1) ELSE 3 * exp(0.6 * z1) END AS active_min,
            CASE WHEN b.baseline THEN 4 ELSE 6 END * exp(0.7 * z2) AS wait_min,
            6 + floor(random() * 10)::int AS sentences, floor(random() * 3)::int AS flagged, random() AS r1, random() AS r2, random() AS r3
     FROM generate_series($1::int, $2::int) n
     JOIN clin c ON c.idx = n % ${clinicians.length}
     -- the draws refer to n: an uncorrelated LATERAL is evaluated once, and every note would get the same draws
     CROSS JOIN LATERAL (SELECT random() + 0 * n < 0.25 AS baseline,
            sqrt(-2 * ln(greatest(random() + 0 * n, 1e-12))) * cos(2 * pi() * random()) AS z1,
            sqrt(-2 * ln(greatest(random() + 0 * n, 1e-12))) * cos(2 * pi() * random()) AS z2) b`,
    [first, first + count - 1],
  );
  const min = (m: string) => `(${m}) * interval '1 minute'`;
  await client.query(`INSERT INTO "Encounter" ("id", "label", "mode", "status", "createdById", "careUnitId", "professionId", "workflowVersionId", "createdAt", "updatedAt")
    SELECT id, 'Syntetiskt besök ' || n, CASE WHEN baseline THEN 'baseline' ELSE 'ai' END, 'signed', user_id, unit_id, profession_id, version_id, ended - interval '20 minutes', now() FROM gen`);
  await client.query(`INSERT INTO "Draft" ("id", "encounterId", "workflowVersionId", "drafterId", "status", "sections", "createdAt", "updatedAt")
    SELECT id || 'd', id, version_id, 'synthetic', 'signerad',
      jsonb_build_array(jsonb_build_object('key', 'anteckning', 'heading', 'Anteckning', 'editedText', NULL, 'accepted', true, 'sentences',
        (SELECT jsonb_agg(jsonb_build_object('id', 's' || s, 'text', 'Syntetisk mening ' || s || '.', 'evidence', '[]'::jsonb, 'flags',
           CASE WHEN s <= flagged THEN jsonb_build_array(jsonb_build_object('id', 'f' || s, 'kind', 'number', 'severity', CASE WHEN r1 < 0.3 THEN 'critical' ELSE 'warning' END,
             'resolution', jsonb_build_object('action', CASE WHEN r2 < 0.6 THEN 'fixed' ELSE 'dismissed' END, 'reason', 'Syntetisk motivering'))) ELSE '[]'::jsonb END))
         FROM generate_series(1, sentences) s))),
      ended + ${min('wait_min / 2')}, now()
    FROM gen WHERE NOT baseline`);
  await client.query(`INSERT INTO "SignedNote" ("id", "encounterId", "draftId", "version", "text", "sections", "signedById", "signedAt", "rating", "wrongTags", "editStats")
    SELECT id || 'n', id, CASE WHEN baseline THEN NULL ELSE id || 'd' END, 1, 'Syntetisk anteckning.', '[{"heading":"Anteckning","text":"Syntetisk anteckning."}]'::jsonb, user_id,
      ended + ${min('active_min + wait_min')},
      CASE WHEN baseline OR r3 < 0.2 THEN NULL ELSE 1 + least(4, floor(random() * 3 + random() * 3))::int END,
      CASE WHEN baseline THEN '[]'::jsonb ELSE (SELECT coalesce(jsonb_agg(t), '[]'::jsonb) FROM unnest(ARRAY['missing','invented','speaker','terminology','style']) t WHERE random() < 0.1 + 0 * n) END,
      CASE WHEN baseline THEN NULL ELSE jsonb_build_array(jsonb_build_object('key', 'anteckning', 'distance', floor(random() * sentences * 10)::int, 'normalized', 0, 'draftChars', sentences * 20, 'signedChars', sentences * 20)) END
    FROM gen`);
  // ten events per note: AI notes record, baseline notes edit in six pieces instead of three
  await client.query(`INSERT INTO "TimeEvent" ("id", "encounterId", "draftId", "userId", "professionId", "careUnitId", "kind", "at", "valueMs", "createdAt")
    SELECT g.id || 'e' || e.k, g.id, CASE WHEN g.baseline THEN NULL ELSE g.id || 'd' END, g.user_id, g.profession_id, g.unit_id, e.kind, e.at, e.value_ms, e.at
    FROM gen g CROSS JOIN LATERAL (
      SELECT k, kind, g.ended + (m * interval '1 minute') AS at, value_ms FROM (VALUES
        (1, CASE WHEN g.baseline THEN 'active_editing' ELSE 'recording_started' END, CASE WHEN g.baseline THEN g.wait_min + 4 * g.active_min / 6 ELSE -15 END, CASE WHEN g.baseline THEN round(g.active_min * 60000 / 6)::int END),
        (2, CASE WHEN g.baseline THEN 'active_editing' ELSE 'recording_stopped' END, CASE WHEN g.baseline THEN g.wait_min + 5 * g.active_min / 6 ELSE -0.2 END, CASE WHEN g.baseline THEN round(g.active_min * 60000 / 6)::int END),
        (3, 'consultation_ended', 0, NULL),
        (4, CASE WHEN g.baseline THEN 'active_editing' ELSE 'draft_ready' END, CASE WHEN g.baseline THEN g.wait_min + g.active_min ELSE g.wait_min / 2 END, CASE WHEN g.baseline THEN round(g.active_min * 60000 / 6)::int END),
        (5, 'review_opened', g.wait_min * 0.9, NULL),
        (6, 'first_edit', g.wait_min, NULL),
        (7, 'active_editing', g.wait_min + CASE WHEN g.baseline THEN 1.0 / 6 ELSE 1.0 / 3 END * g.active_min, round(g.active_min * 60000 / CASE WHEN g.baseline THEN 6 ELSE 3 END)::int),
        (8, 'active_editing', g.wait_min + CASE WHEN g.baseline THEN 2.0 / 6 ELSE 2.0 / 3 END * g.active_min, round(g.active_min * 60000 / CASE WHEN g.baseline THEN 6 ELSE 3 END)::int),
        (9, 'active_editing', g.wait_min + CASE WHEN g.baseline THEN 3.0 / 6 ELSE 1.0 END * g.active_min, round(g.active_min * 60000 / CASE WHEN g.baseline THEN 6 ELSE 3 END)::int),
        (10, 'signed', g.active_min + g.wait_min, NULL)
      ) AS v(k, kind, m, value_ms)) e`);
  await client.query('DROP TABLE gen');
}
