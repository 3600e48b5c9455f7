"""Turn dossier's tag output into the fact table and its grouped claims, with Spark SQL.

    spark-submit [--master URL] scale/spark/dossier_facts.py TAGGED OUTPUT_DIR

TAGGED is the tag output (the OUTPUT_DIR of dossier_tag.py, or any `dossier tag` JSONL on a
path Spark reads). OUTPUT_DIR receives:

- facts.parquet, facts.csv: one row per fact, the columns of `dossier facts --format csv`
  (CSV part files with a header each; numbers typed in Parquet, written as dossier writes
  them in CSV), in the order of the tag output;
- claims.parquet, claims.json, claims.csv: the claims of `dossier facts --group`: facts with
  the same item (its canonical name, else its words folded, without a plural "s"), action
  and base unit, overlapping known periods, no two different places and a value within
  1.5 % of the claim's first report, merged into one row with its `count` of articles and
  its citations. (The `conflicts` column of `--group` is not computed here.)

Which claim a fact joins depends on the claims before it, as in dossier: the first claim of
the same subject, in the order of the tag output, whose first report matches. SQL cannot say
"first match among the claims made so far", so that one step is a function over each
subject's facts in order (a subject's facts are few); the table, the keys and the
aggregation are Spark SQL.
"""

import argparse
import re
import unicodedata

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (ArrayType, DateType, DoubleType, LongType, StringType,
                               StructField, StructType)

FACT = StructType([StructField(name, kind) for name, kind in [
    ("fact_id", StringType()), ("start", LongType()), ("end", LongType()),
    ("figure_text", StringType()), ("value", DoubleType()), ("value_max", DoubleType()),
    ("unit", StringType()), ("qualifier", StringType()), ("value_base", DoubleType()),
    ("unit_base", StringType()), ("item", StringType()), ("item_canonical", StringType()),
    ("item_label", StringType()), ("action", StringType()), ("period", StringType()),
    ("period_start", DateType()), ("period_end", DateType()), ("place", StringType()),
    ("attributed_to", StringType()), ("sentence", StringType()),
    ("sentence_start", LongType()), ("sentence_end", LongType()),
]])

RECORD = StructType([StructField(name, StringType()) for name in
                     ["id", "title", "url", "published", "source"]]
                    + [StructField("facts", ArrayType(FACT))])

# The columns of `dossier facts --format csv`, in its order.
COLUMNS = ["fact_id", "doc_id", "title", "url", "published", "source", "value", "value_max",
           "unit", "qualifier", "value_base", "unit_base", "item", "item_canonical",
           "item_label", "action", "period", "period_start", "period_end", "place",
           "attributed_to", "figure_text", "sentence", "start", "end", "sentence_start",
           "sentence_end"]
NUMBERS = ["value", "value_max", "value_base"]

# dossier's folding of non-ASCII punctuation (src/text/fold.rs): quotes, dashes, spaces.
PUNCTUATION = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060"}
PUNCTUATION.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
PUNCTUATION.update({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
PUNCTUATION.update({"\u2026": ".", "\u2044": "/"})


def fold(text):
    """Lower case, accents stripped, punctuation and spaces unified, as dossier folds."""
    out = []
    for c in text:
        c = PUNCTUATION.get(c, c)
        for d in unicodedata.normalize("NFKD", c).lower():
            if not unicodedata.combining(d):
                out.append(" " if d.isspace() else PUNCTUATION.get(d, d))
    return "".join(out)


def subject(fact):
    """What makes two facts about the same thing (src/sink/table/claims.rs: `subject`)."""
    if fact.item_canonical is not None:
        item = fold(fact.item_canonical)
    elif fact.item is not None:
        item = " ".join(w[:-1] if w.endswith("s") else w for w in fold(fact.item).split())
    else:
        return None
    return (item, fact.action, fact.unit_base)


def same_claim(first, fact):
    """Whether `fact` reports the claim whose first report is `first`: overlapping known
    periods, no two different places, the same value allowing for rounding."""
    periods = (first.period_start, first.period_end, fact.period_start, fact.period_end)
    if None in periods or not (periods[0] <= periods[3] and periods[2] <= periods[1]):
        return False
    if first.place is not None and fact.place is not None and fold(first.place) != fold(fact.place):
        return False
    if first.value_base is None or fact.value_base is None:
        return False
    return abs(first.value_base - fact.value_base) <= 0.015 * max(abs(first.value_base),
                                                                  abs(fact.value_base))


def first_fit(facts):
    """(fact, claim) for one subject's facts: each joins the first claim whose first report
    it matches, in order, or starts a claim. Facts and claims are (article, position)."""
    firsts = []
    for fact in sorted(facts, key=lambda f: (f.article, f.position)):
        home = next((c for c in firsts if same_claim(c, fact)), None)
        if home is None:
            firsts.append(fact)
            home = fact
        yield (fact.article, fact.position, home.article, home.position)


def claim_of(facts):
    """The claim (its first fact) of every fact."""
    keyed = facts.rdd.map(lambda f: (subject(f) if f.action else None, f))
    alone = keyed.filter(lambda kf: kf[0] is None).map(
        lambda kf: (kf[1].article, kf[1].position, kf[1].article, kf[1].position))
    grouped = keyed.filter(lambda kf: kf[0] is not None).groupByKey().flatMap(
        lambda kv: first_fit(kv[1]))
    return alone.union(grouped).toDF("article long, position long, claim_article long, "
                                     "claim_position long")


def ordered_lines(spark, path):
    """The lines of the tag output at `path` with their place in it: part files in the order
    of their numbers, lines in file order."""
    context = spark.sparkContext
    hadoop = context._jvm.org.apache.hadoop.fs
    pattern = hadoop.Path(path)
    system = pattern.getFileSystem(context._jsc.hadoopConfiguration())
    files = []
    for status in system.globStatus(pattern) or []:
        children = system.listStatus(status.getPath()) if status.isDirectory() else [status]
        files += [c.getPath().toString() for c in children if c.isFile()
                  and not c.getPath().getName().startswith(("_", "."))]
    if not files:
        raise SystemExit(f"dossier_facts: no tag output at {path}")
    numbered = sorted(files, key=lambda f: [int(p) if p.isdigit() else p
                                            for p in re.split(r"(\d+)", f)])
    lines = context.textFile(",".join(numbered)).filter(lambda line: line.strip())
    return spark.createDataFrame(lines.zipWithIndex(), "line string, article long")


def number_text(column):
    """A number as dossier writes it: an integer without a fraction, else its decimals
    (0.00003, where Spark would write 3.0E-5)."""
    value = F.col(column)
    whole = (value == F.floor(value)) & (F.abs(value) < 9e15)
    decimals = F.expr(f"try_cast({column} AS decimal(38, 18))").cast("string")
    trimmed = F.regexp_replace(F.regexp_replace(decimals, "0+$", ""), "[.]$", "")
    return (F.when(whole, value.cast("bigint").cast("string"))
            .when(decimals.isNotNull(), trimmed)
            .otherwise(value.cast("string")).alias(column))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tagged", help="the tag output: a directory of part files, a file, a glob")
    parser.add_argument("output", help="the directory the tables go to")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("dossier facts").getOrCreate()
    records = ordered_lines(spark, args.tagged).select(
        F.from_json("line", RECORD).alias("record"), "article")
    records.createOrReplaceTempView("tag_output")
    facts = spark.sql("""
        SELECT record.id AS doc_id, record.title, record.url, record.published, record.source,
               fact.*, article, position
        FROM tag_output LATERAL VIEW posexplode(record.facts) AS position, fact
    """).cache()
    facts.createOrReplaceTempView("facts")
    table = facts.orderBy("article", "position").select(*COLUMNS)
    table.write.mode("overwrite").parquet(f"{args.output}/facts.parquet")
    (table.select(*[number_text(c) if c in NUMBERS else F.col(c) for c in COLUMNS])
     .write.mode("overwrite").options(header=True, escape='"').csv(f"{args.output}/facts.csv"))

    claim_of(facts).createOrReplaceTempView("claim_of")
    claims = spark.sql("""
        WITH reports AS (
            SELECT claim_article, claim_position,
                   count(DISTINCT doc_id) AS count,
                   sort_array(collect_list(struct(facts.article, facts.position, fact_id,
                       doc_id, title, url, published, source, figure_text, sentence)))
                       AS reports
            FROM facts JOIN claim_of USING (article, position)
            GROUP BY claim_article, claim_position
        )
        SELECT first.item, first.item_canonical, first.item_label, first.action,
               first.value_base, first.unit_base, first.period_start, first.period_end,
               reports.count,
               transform(reports.reports, r -> struct(r.fact_id AS fact_id, r.doc_id AS doc_id,
                   r.title AS title, r.url AS url, r.published AS published,
                   r.source AS source, r.figure_text AS figure_text,
                   r.sentence AS sentence)) AS citations
        FROM reports JOIN facts AS first
          ON first.article = reports.claim_article AND first.position = reports.claim_position
        ORDER BY reports.claim_article, reports.claim_position
    """)
    claims.write.mode("overwrite").parquet(f"{args.output}/claims.parquet")
    claims.write.mode("overwrite").json(f"{args.output}/claims.json")
    joined = lambda field: F.expr(f"array_join(transform(citations, c -> "
                                  f"coalesce({field}, '')), ' ; ')")
    (claims.select("item", "item_canonical", "item_label", "action", number_text("value_base"),
                   "unit_base", "period_start", "period_end", "count",
                   joined("c.fact_id").alias("fact_ids"),
                   joined("coalesce(c.source, c.doc_id) || coalesce(', ' || c.published, '')")
                   .alias("sources"),
                   joined("c.url").alias("urls"), joined("c.sentence").alias("sentences"))
     .write.mode("overwrite").options(header=True, escape='"').csv(f"{args.output}/claims.csv"))
    spark.stop()


if __name__ == "__main__":
    main()
