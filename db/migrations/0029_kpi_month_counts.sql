CREATE TABLE "kpi_match_facts" (
	"match_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	"set_id" integer NOT NULL,
	"domain" "domain" NOT NULL,
	"repeats" boolean NOT NULL,
	"days" double precision,
	CONSTRAINT "kpi_match_facts_match_id_metric_day_pk" PRIMARY KEY("match_id","metric","day")
);
--> statement-breakpoint
CREATE TABLE "kpi_month_counts" (
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"set_id" integer NOT NULL,
	"domain" "domain" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "kpi_month_counts_month_metric_set_id_domain_pk" PRIMARY KEY("month","metric","set_id","domain")
);
--> statement-breakpoint
CREATE TABLE "kpi_organisation_facts" (
	"organisation_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"domain" "domain" NOT NULL,
	"n" integer NOT NULL,
	"set_id" integer NOT NULL,
	CONSTRAINT "kpi_organisation_facts_organisation_id_metric_day_domain_pk" PRIMARY KEY("organisation_id","metric","day","domain")
);
--> statement-breakpoint
CREATE INDEX "kpi_match_facts_introduced_idx" ON "kpi_match_facts" USING btree ("day","set_id","domain","days") WHERE "kpi_match_facts"."metric" = 'introduced';--> statement-breakpoint
CREATE INDEX "kpi_match_facts_day_idx" ON "kpi_match_facts" USING btree ("day","set_id","domain","metric","n");--> statement-breakpoint
CREATE INDEX "kpi_match_facts_repeats_idx" ON "kpi_match_facts" USING btree ("day","set_id","domain","metric","match_id") WHERE "kpi_match_facts"."repeats";--> statement-breakpoint
CREATE INDEX "kpi_organisation_facts_day_idx" ON "kpi_organisation_facts" USING btree ("day","set_id","domain","metric","n");--> statement-breakpoint
-- What each match counts for, computed from scratch (lib/programme/kpis.ts reads the stored copy): a row per
-- metric and calendar day in Japan. Steps a match may reach more than once count the match once a day (n = 1),
-- with `repeats` when it reaches the step on more than one day; things count each (n). The rule of each metric
-- is the KPIs': an approval event; a confirmed meeting, a meeting_held outcome or a check-in "met"/"agreement";
-- a result outcome or a check-in "agreement"; a launch outcome; a check-in "stalled"; an introduction; a signed
-- (or since expired) NDA; an outcome of each kind; the proposal (the match's creation). An introduction carries
-- its days from the proposal. Enum values are compared
-- as text: some were added earlier in the transaction that applies the migrations, where they cannot be used.
CREATE VIEW "kpi_match_facts_derived" AS
  SELECT d.match_id, d.metric, d.day, d.n, a.set_id, a.domain,
    d.step AND count(*) OVER (PARTITION BY d.match_id, d.metric) > 1 AS repeats,
    extract(epoch FROM d.at - a.created_at)::double precision / 86400 AS days
  FROM (
    SELECT t.match_id, t.metric, t.day, CASE WHEN t.step THEN 1 ELSE count(*)::int END AS n, t.step, max(t.at) AS at
    FROM (
      SELECT e.match_id, 'approved' AS metric, (e.created_at AT TIME ZONE 'Asia/Tokyo')::date AS day, true AS step,
        null::timestamptz AS at
      FROM match_events e WHERE e.type = 'approve' AND e.to_status = 'approved'
      UNION ALL
      SELECT p.match_id, 'meeting', (p.chosen_slot AT TIME ZONE 'Asia/Tokyo')::date, true, null
      FROM meeting_proposals p WHERE p.status::text = 'confirmed' AND p.chosen_slot IS NOT NULL
      UNION ALL
      SELECT o.match_id, x.metric, o.occurred_on, true, null
      FROM match_outcomes o CROSS JOIN LATERAL (VALUES ('meeting'), ('agreement'), ('launch')) x(metric)
      WHERE o.match_id IS NOT NULL
        AND ((x.metric = 'meeting' AND o.kind::text = 'meeting_held')
          OR (x.metric = 'agreement' AND o.kind::text IN ('joint_rd_started', 'licence_signed', 'partnership_formed',
            'new_business_launched', 'first_sale', 'funding_obtained', 'managerial_revamp', 'venture_founded'))
          OR (x.metric = 'launch' AND o.kind::text IN ('new_business_launched', 'first_sale', 'venture_founded')))
      UNION ALL
      SELECT r.match_id, x.metric, (r.answered_at AT TIME ZONE 'Asia/Tokyo')::date, true, null
      FROM check_in_responses r CROSS JOIN LATERAL (VALUES ('meeting'), ('agreement'), ('stalled')) x(metric)
      WHERE (x.metric = 'meeting' AND r.answer::text IN ('met', 'agreement'))
        OR (x.metric = 'agreement' AND r.answer::text = 'agreement')
        OR (x.metric = 'stalled' AND r.answer::text = 'stalled')
      UNION ALL
      SELECT i.match_id, 'introduced', (i.introduced_at AT TIME ZONE 'Asia/Tokyo')::date, false, i.introduced_at
      FROM match_introductions i WHERE i.introduced_at IS NOT NULL
      UNION ALL
      SELECT n.match_id, 'nda', n.signed_on, false, null
      FROM ndas n WHERE n.status::text IN ('signed', 'expired') AND n.signed_on IS NOT NULL
      UNION ALL
      SELECT o.match_id, 'outcome:' || o.kind::text, o.occurred_on, false, null
      FROM match_outcomes o WHERE o.match_id IS NOT NULL
      UNION ALL
      SELECT a.match_id, 'proposed', (a.created_at AT TIME ZONE 'Asia/Tokyo')::date, false, null
      FROM match_attribution a
    ) t
    GROUP BY t.match_id, t.metric, t.day, t.step
  ) d
  JOIN match_attribution a ON a.match_id = d.match_id;--> statement-breakpoint
-- Recomputes the facts of the matches given and moves the monthly counts by the difference. Concurrent writes
-- stay right as for the attribution (0027): the matches' attribution rows are locked first (in order), so of two
-- transactions refreshing one match the later one waits and then reads what the earlier one committed (each
-- statement below reads afresh). The counts change in one statement, in key order, and only where they differ.
CREATE FUNCTION "kpi_match_facts_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM match_attribution WHERE match_id = ANY (ids) ORDER BY match_id FOR UPDATE;
  INSERT INTO kpi_month_counts AS c (month, metric, set_id, domain, n)
  SELECT date_trunc('month', x.day::timestamp)::date, x.metric, x.set_id, x.domain, sum(x.n)
  FROM (
    SELECT day, metric, set_id, domain, n FROM kpi_match_facts_derived WHERE match_id = ANY (ids)
    UNION ALL
    SELECT day, metric, set_id, domain, -n FROM kpi_match_facts WHERE match_id = ANY (ids)
  ) x
  GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, metric, set_id, domain) DO UPDATE SET n = c.n + excluded.n;
  DELETE FROM kpi_match_facts WHERE match_id = ANY (ids);
  INSERT INTO kpi_match_facts (match_id, metric, day, n, set_id, domain, repeats, days)
  SELECT match_id, metric, day, n, set_id, domain, repeats, days FROM kpi_match_facts_derived WHERE match_id = ANY (ids);
END $$;--> statement-breakpoint
-- After any write to a table a figure is read from (one statement, any number of rows): the matches it touched.
CREATE FUNCTION "kpi_match_facts_on_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_match_facts_refresh(ARRAY(SELECT DISTINCT match_id FROM added WHERE match_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_match_facts_refresh(ARRAY(SELECT DISTINCT match_id FROM removed WHERE match_id IS NOT NULL));
  ELSE
    PERFORM kpi_match_facts_refresh(ARRAY(
      SELECT match_id FROM added WHERE match_id IS NOT NULL
      UNION SELECT match_id FROM removed WHERE match_id IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Needs and seeds posted (published), per organisation, day in Japan and domain, with the organisation's set of
-- clusters: what the stored kpi_organisation_facts hold (less rows that came to 0).
CREATE FUNCTION "organisation_cluster_ids"(org uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(cluster_id ORDER BY cluster_id), '{}'::uuid[]) FROM organisation_clusters WHERE organisation_id = org
$$;--> statement-breakpoint
CREATE VIEW "kpi_organisation_facts_derived" AS
  SELECT l.organisation_id, l.metric, l.day, l.domain, count(*)::int AS n, s.id AS set_id
  FROM (
    SELECT organisation_id, 'needs_posted' AS metric, (published_at AT TIME ZONE 'Asia/Tokyo')::date AS day, domain
    FROM needs WHERE published_at IS NOT NULL
    UNION ALL
    SELECT organisation_id, 'seeds_posted', (published_at AT TIME ZONE 'Asia/Tokyo')::date, domain
    FROM seeds WHERE published_at IS NOT NULL
  ) l
  JOIN cluster_sets s ON s.cluster_ids = organisation_cluster_ids(l.organisation_id)
  GROUP BY l.organisation_id, l.metric, l.day, l.domain, s.id;--> statement-breakpoint
-- Adds listings posted (n = 1) or taken back (-1) to the organisations' facts and the monthly counts. The
-- organisations are locked FOR SHARE first, so that their clusters cannot change before this transaction ends (a
-- change of clusters locks the organisation FOR NO KEY UPDATE and then moves its facts): a fact already stored
-- keeps its set, a new one takes the organisation's, and the monthly counts follow the fact's set.
CREATE FUNCTION "kpi_organisation_facts_add"(what text, orgs uuid[], days date[], domains domain[], ns int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM unnest(orgs, days, domains, ns) c(org, day, domain, n)
    GROUP BY c.org, c.day, c.domain HAVING sum(c.n) <> 0
  ) THEN
    RETURN; -- nothing posted or taken back (an edit of a listing's text, say)
  END IF;
  PERFORM 1 FROM organisations WHERE id = ANY (orgs) ORDER BY id FOR SHARE;
  INSERT INTO cluster_sets (cluster_ids)
  SELECT DISTINCT organisation_cluster_ids(o) FROM unnest(orgs) o
  WHERE NOT EXISTS (SELECT 1 FROM cluster_sets s WHERE s.cluster_ids = organisation_cluster_ids(o)) ORDER BY 1
  ON CONFLICT (cluster_ids) DO NOTHING;
  WITH delta AS (
    SELECT c.org, c.day, c.domain, sum(c.n)::int AS n
    FROM unnest(orgs, days, domains, ns) c(org, day, domain, n)
    GROUP BY 1, 2, 3 HAVING sum(c.n) <> 0
  ),
  facts AS (
    INSERT INTO kpi_organisation_facts AS f (organisation_id, metric, day, domain, n, set_id)
    SELECT d.org, what, d.day, d.domain, d.n, s.id
    FROM delta d JOIN cluster_sets s ON s.cluster_ids = organisation_cluster_ids(d.org)
    ORDER BY 1, 3, 4
    ON CONFLICT (organisation_id, metric, day, domain) DO UPDATE SET n = f.n + excluded.n
    RETURNING f.organisation_id, f.day, f.domain, f.set_id
  )
  INSERT INTO kpi_month_counts AS c (month, metric, set_id, domain, n)
  SELECT date_trunc('month', f.day::timestamp)::date, what, f.set_id, f.domain, sum(d.n)
  FROM facts f JOIN delta d ON d.org = f.organisation_id AND d.day = f.day AND d.domain = f.domain
  GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (month, metric, set_id, domain) DO UPDATE SET n = c.n + excluded.n;
END $$;--> statement-breakpoint
-- After any write to needs or seeds (one statement, any number of rows): each listing's publication in and out.
CREATE FUNCTION "kpi_listings_on_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_organisation_facts_add(TG_TABLE_NAME || '_posted', array_agg(organisation_id),
      array_agg((published_at AT TIME ZONE 'Asia/Tokyo')::date), array_agg(domain), array_agg(1))
    FROM added WHERE published_at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_organisation_facts_add(TG_TABLE_NAME || '_posted', array_agg(organisation_id),
      array_agg((published_at AT TIME ZONE 'Asia/Tokyo')::date), array_agg(domain), array_agg(-1))
    FROM removed WHERE published_at IS NOT NULL;
  ELSE
    PERFORM kpi_organisation_facts_add(TG_TABLE_NAME || '_posted', array_agg(c.organisation_id), array_agg(c.day),
      array_agg(c.domain), array_agg(c.n))
    FROM (
      SELECT organisation_id, (published_at AT TIME ZONE 'Asia/Tokyo')::date AS day, domain, 1 AS n
      FROM added WHERE published_at IS NOT NULL
      UNION ALL
      SELECT organisation_id, (published_at AT TIME ZONE 'Asia/Tokyo')::date, domain, -1
      FROM removed WHERE published_at IS NOT NULL
    ) c;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- An organisation joining or leaving a cluster: its facts move to its new set of clusters, and the monthly
-- counts with them (the organisation locked against listings written meanwhile, as above).
CREATE FUNCTION "kpi_organisation_facts_on_membership"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
  target integer;
BEGIN
  FOR org IN SELECT DISTINCT o FROM unnest(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.organisation_id END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.organisation_id END]) AS u(o) WHERE o IS NOT NULL ORDER BY o
  LOOP
    PERFORM 1 FROM organisations WHERE id = org FOR NO KEY UPDATE;
    INSERT INTO cluster_sets (cluster_ids) SELECT organisation_cluster_ids(org)
    WHERE NOT EXISTS (SELECT 1 FROM cluster_sets WHERE cluster_ids = organisation_cluster_ids(org))
    ON CONFLICT (cluster_ids) DO NOTHING;
    SELECT id INTO target FROM cluster_sets WHERE cluster_ids = organisation_cluster_ids(org);
    WITH moved AS (
      UPDATE kpi_organisation_facts f SET set_id = target
      FROM kpi_organisation_facts o
      WHERE f.organisation_id = org AND f.set_id <> target
        AND o.organisation_id = f.organisation_id AND o.metric = f.metric AND o.day = f.day AND o.domain = f.domain
      RETURNING o.set_id AS old_set, f.metric, f.day, f.domain, f.n
    )
    INSERT INTO kpi_month_counts AS c (month, metric, set_id, domain, n)
    SELECT date_trunc('month', m.day::timestamp)::date, m.metric, x.set_id, m.domain, sum(x.n)
    FROM moved m CROSS JOIN LATERAL (VALUES (m.old_set, -m.n), (target, m.n)) x(set_id, n)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, metric, set_id, domain) DO UPDATE SET n = c.n + excluded.n;
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Every existing match, at once.
INSERT INTO "kpi_match_facts" ("match_id", "metric", "day", "n", "set_id", "domain", "repeats", "days")
  SELECT "match_id", "metric", "day", "n", "set_id", "domain", "repeats", "days" FROM "kpi_match_facts_derived";--> statement-breakpoint
INSERT INTO "cluster_sets" ("cluster_ids")
  SELECT DISTINCT organisation_cluster_ids("id") FROM "organisations" ORDER BY 1 ON CONFLICT ("cluster_ids") DO NOTHING;--> statement-breakpoint
INSERT INTO "kpi_organisation_facts" ("organisation_id", "metric", "day", "domain", "n", "set_id")
  SELECT "organisation_id", "metric", "day", "domain", "n", "set_id" FROM "kpi_organisation_facts_derived";--> statement-breakpoint
INSERT INTO "kpi_month_counts" ("month", "metric", "set_id", "domain", "n")
  SELECT date_trunc('month', "day"::timestamp)::date, "metric", "set_id", "domain", sum("n")
  FROM (SELECT "day", "metric", "set_id", "domain", "n" FROM "kpi_match_facts"
    UNION ALL SELECT "day", "metric", "set_id", "domain", "n" FROM "kpi_organisation_facts") f
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER "match_attribution_kpi_insert" AFTER INSERT ON "match_attribution"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_attribution_kpi_update" AFTER UPDATE ON "match_attribution"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_attribution_kpi_delete" AFTER DELETE ON "match_attribution"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_events_kpi_insert" AFTER INSERT ON "match_events"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_events_kpi_update" AFTER UPDATE ON "match_events"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_events_kpi_delete" AFTER DELETE ON "match_events"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "meeting_proposals_kpi_insert" AFTER INSERT ON "meeting_proposals"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "meeting_proposals_kpi_update" AFTER UPDATE ON "meeting_proposals"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "meeting_proposals_kpi_delete" AFTER DELETE ON "meeting_proposals"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_outcomes_kpi_insert" AFTER INSERT ON "match_outcomes"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_outcomes_kpi_update" AFTER UPDATE ON "match_outcomes"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_outcomes_kpi_delete" AFTER DELETE ON "match_outcomes"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "check_in_responses_kpi_insert" AFTER INSERT ON "check_in_responses"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "check_in_responses_kpi_update" AFTER UPDATE ON "check_in_responses"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "check_in_responses_kpi_delete" AFTER DELETE ON "check_in_responses"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_introductions_kpi_insert" AFTER INSERT ON "match_introductions"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_introductions_kpi_update" AFTER UPDATE ON "match_introductions"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "match_introductions_kpi_delete" AFTER DELETE ON "match_introductions"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "ndas_kpi_insert" AFTER INSERT ON "ndas"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "ndas_kpi_update" AFTER UPDATE ON "ndas"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();--> statement-breakpoint
CREATE TRIGGER "ndas_kpi_delete" AFTER DELETE ON "ndas"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_match_facts_on_write"();
--> statement-breakpoint
CREATE TRIGGER "needs_kpi_insert" AFTER INSERT ON "needs"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "needs_kpi_update" AFTER UPDATE ON "needs"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "needs_kpi_delete" AFTER DELETE ON "needs"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "seeds_kpi_insert" AFTER INSERT ON "seeds"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "seeds_kpi_update" AFTER UPDATE ON "seeds"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "seeds_kpi_delete" AFTER DELETE ON "seeds"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "kpi_listings_on_write"();--> statement-breakpoint
CREATE TRIGGER "organisation_clusters_kpi" AFTER INSERT OR UPDATE OR DELETE ON "organisation_clusters"
  FOR EACH ROW EXECUTE FUNCTION "kpi_organisation_facts_on_membership"();
