-- dossier's fact table in PostgreSQL (12 or later), and its claims as `dossier facts --group`
-- makes them.
--
--   psql -d DB -f scale/postgres/schema.sql
--   dossier facts corpus/ --format csv -o facts.csv
--   psql -d DB -c "\copy facts FROM 'facts.csv' WITH (FORMAT csv, HEADER)"
--
-- `facts` has the columns of `dossier facts --format csv` in its order, typed, so the CSV
-- loads unchanged (COPY ... FROM STDIN WITH (FORMAT csv, HEADER) alike); an empty cell is
-- NULL. `published` stays as written (a year, a month, a day or a timestamp);
-- `published_date` is its first day, computed (a generated column, which COPY leaves alone).
-- The claims view needs the `unaccent` extension (in Debian's postgresql package; a database
-- owner may create it).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE IF NOT EXISTS facts (
    fact_id        text NOT NULL,
    doc_id         text NOT NULL,
    title          text,
    url            text,
    published      text,
    source         text,
    value          numeric,
    value_max      numeric,
    unit           text,
    qualifier      text,
    value_base     numeric,
    unit_base      text,
    item           text,
    item_canonical text,
    item_label     text,
    action         text,
    period         text,
    period_start   date,
    period_end     date,
    place          text,
    attributed_to  text,
    figure_text    text,
    sentence       text,
    start          integer NOT NULL,
    "end"          integer NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end   integer NOT NULL,
    published_date date GENERATED ALWAYS AS (
        CASE
            WHEN btrim(published) ~ '^[0-9]{4}$'
                THEN make_date(nullif(btrim(published)::int, 0), 1, 1)
            WHEN btrim(published) ~ '^[0-9]{4}-[0-9]{2}$'
                THEN make_date(nullif(substr(btrim(published), 1, 4)::int, 0),
                               substr(btrim(published), 6, 2)::int, 1)
            WHEN btrim(published) ~ '^[0-9]{8}$'
                THEN make_date(nullif(substr(btrim(published), 1, 4)::int, 0),
                               substr(btrim(published), 5, 2)::int,
                               substr(btrim(published), 7, 2)::int)
            WHEN btrim(published) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
                THEN make_date(nullif(substr(btrim(published), 1, 4)::int, 0),
                               substr(btrim(published), 6, 2)::int,
                               substr(btrim(published), 9, 2)::int)
        END
    ) STORED
);

CREATE INDEX IF NOT EXISTS facts_item ON facts (item);
CREATE INDEX IF NOT EXISTS facts_item_canonical ON facts (item_canonical);
CREATE INDEX IF NOT EXISTS facts_action ON facts (action);
CREATE INDEX IF NOT EXISTS facts_unit ON facts (unit);
CREATE INDEX IF NOT EXISTS facts_unit_value ON facts (unit_base, value_base);
CREATE INDEX IF NOT EXISTS facts_published ON facts (published);
CREATE INDEX IF NOT EXISTS facts_published_date ON facts (published_date);
CREATE INDEX IF NOT EXISTS facts_doc ON facts (doc_id);

-- dossier's folding of a name (src/text/fold.rs): quotes, dashes, spaces unified, accents
-- stripped, lower case.
CREATE OR REPLACE FUNCTION fact_fold(name text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT lower(unaccent(regexp_replace(
        translate(name, '‘’‚‛′ʼ´`“”„‟″«»‐‑‒–—―−﹣－…⁄', '''''''''''''''''"""""""---------./'),
        '\s', ' ', 'g')))
$$;

-- Every fact with its place in the load order (claims are formed in it, as `--group` forms
-- them in the order of its input: keep the table append-only) and its subject: the item
-- (its canonical name, else its words folded, without a plural "s"), the action and the
-- base unit. A fact without an item or an action has no subject and is a claim of its own.
CREATE OR REPLACE VIEW fact_subjects AS
SELECT row_number() OVER (ORDER BY ctid) AS position, facts.*,
       CASE WHEN action IS NOT NULL AND coalesce(item_canonical, item) IS NOT NULL THEN
           concat_ws(E'\x1f',
               coalesce(fact_fold(item_canonical),
                        (SELECT coalesce(string_agg(regexp_replace(word, 's$', ''), ' '
                                                    ORDER BY n), '')
                         FROM regexp_split_to_table(fact_fold(item), '\s+')
                              WITH ORDINALITY AS words (word, n)
                         WHERE word <> '')),
               action, coalesce(unit_base, ''))
       END AS subject
FROM facts;

-- Whether a fact reports the claim whose first report is `first`: both periods known and
-- overlapping, no two different places, the same value allowing for rounding (1.5 %).
CREATE OR REPLACE FUNCTION fact_same_claim(first fact_subjects, fact fact_subjects)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT first.period_start <= fact.period_end AND fact.period_start <= first.period_end
       AND NOT coalesce(fact_fold(first.place) <> fact_fold(fact.place), false)
       AND abs(first.value_base::float8 - fact.value_base::float8)
           <= 0.015 * greatest(abs(first.value_base::float8), abs(fact.value_base::float8))
$$;

-- The claim of every fact (the position of its first report): each fact joins the first
-- claim of its subject, in load order, whose first report it matches, or starts one. SQL
-- has no "first match among the claims made so far", so this one step is a loop.
CREATE OR REPLACE FUNCTION fact_claim_members()
RETURNS TABLE (member bigint, claim bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    fact fact_subjects;
    firsts fact_subjects[] := '{}';
    current_subject text;
    home bigint;
BEGIN
    FOR fact IN SELECT * FROM fact_subjects WHERE subject IS NOT NULL
                ORDER BY subject, position LOOP
        IF fact.subject IS DISTINCT FROM current_subject THEN
            current_subject := fact.subject;
            firsts := '{}';
        END IF;
        home := NULL;
        FOR i IN 1 .. coalesce(array_length(firsts, 1), 0) LOOP
            IF coalesce(fact_same_claim(firsts[i], fact), false) THEN
                home := firsts[i].position;
                EXIT;
            END IF;
        END LOOP;
        IF home IS NULL THEN
            firsts := firsts || fact;
            home := fact.position;
        END IF;
        member := fact.position;
        claim := home;
        RETURN NEXT;
    END LOOP;
    RETURN QUERY SELECT position, position FROM fact_subjects WHERE subject IS NULL;
END
$$;

-- The claims of `dossier facts --group`: one row per claim, in the order of its first
-- report, with the number of articles that report it and its citations. (The `conflicts`
-- column of `--group` is not computed here.) For a large table, materialize it:
-- CREATE MATERIALIZED VIEW claims AS SELECT * FROM fact_claims;
CREATE OR REPLACE VIEW fact_claims AS
WITH subjects AS MATERIALIZED (SELECT * FROM fact_subjects),
reports AS (
    SELECT claim,
           count(DISTINCT doc_id) AS count,
           array_agg(fact_id ORDER BY position) AS fact_ids,
           array_agg(coalesce(source, doc_id) || coalesce(', ' || published, '')
                     ORDER BY position) AS sources,
           array_agg(url ORDER BY position) AS urls,
           array_agg(sentence ORDER BY position) AS sentences
    FROM fact_claim_members() JOIN subjects ON position = member
    GROUP BY claim
)
SELECT first.item, first.item_canonical, first.item_label, first.action, first.value_base,
       first.unit_base, first.period_start, first.period_end, reports.count,
       reports.fact_ids, reports.sources, reports.urls, reports.sentences
FROM reports JOIN subjects AS first ON first.position = reports.claim
ORDER BY reports.claim;
