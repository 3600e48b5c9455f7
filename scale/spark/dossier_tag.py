"""Tag articles on a Spark cluster with the dossier binary.

    spark-submit [--master URL] scale/spark/dossier_tag.py --dossier PATH/TO/dossier INPUT OUTPUT_DIR

INPUT is JSONL in dossier's input contract (one article per line) on any path Spark reads
(a file, a directory, a glob; local, hdfs://, s3a://). Each partition is piped through
`dossier tag` (one thread per task: Spark gives each task a core), and OUTPUT_DIR receives
the tag output as JSONL part files, one line per article, in input order, byte for byte what
`dossier tag` writes for the same lines.

The binary is shipped to the executors by the job itself (`SparkContext.addFile`, as
`--files` does); it must be built for the executors' platform (Linux x86_64 for most
clusters: `cargo build --release` on a machine like them).

A record dossier cannot read (not JSON, no text, a bad date) makes `dossier tag` exit 1; by
default that fails the task, and Spark fails the job after its retries, naming the command
and its exit status: a tagger that fails is never ignored (`checkCode=True`). With
`--skip-bad-records` such records are left out, as `dossier tag` leaves them out, and
reported in the executors' logs; any other failure still fails the job.
"""

import argparse
import os
import shlex

from pyspark.sql import SparkSession

# Finds the shipped binary where the executor has it: the task's working directory on a
# cluster (YARN, standalone, Kubernetes fetch --files there), else the path given, for local
# mode and a binary on a shared file system. Exit status 1 (some records skipped) passes
# only when SKIP is set.
TAGGER = r"""
bin="./${0##*/}"; [ -x "$bin" ] || bin="$0"
if [ ! -x "$bin" ]; then
    echo "dossier_tag: no dossier binary at $PWD/${0##*/} or $0" >&2; exit 127
fi
"$bin" tag --quiet --threads 1 -
status=$?
if [ "$status" -eq 1 ] && [ -n "$SKIP" ]; then exit 0; fi
exit "$status"
"""


def tag_command(dossier, skip_bad_records):
    """The command each partition is piped through."""
    return "/bin/sh -c {} {}".format(shlex.quote(TAGGER), shlex.quote(dossier)), (
        {"SKIP": "1"} if skip_bad_records else {}
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossier", required=True, help="the dossier binary to ship")
    parser.add_argument("--skip-bad-records", action="store_true",
                        help="leave out records dossier cannot read instead of failing")
    parser.add_argument("input", help="JSONL articles: a file, directory or glob")
    parser.add_argument("output", help="the directory the tag output's part files go to")
    args = parser.parse_args()
    dossier = os.path.abspath(args.dossier)
    if not os.access(dossier, os.X_OK):
        parser.error(f"--dossier {args.dossier}: not an executable file (build it with "
                     "`cargo build --release`: target/release/dossier)")

    spark = SparkSession.builder.appName("dossier tag").getOrCreate()
    spark.sparkContext.addFile(dossier)
    command, env = tag_command(dossier, args.skip_bad_records)
    articles = spark.sparkContext.textFile(args.input)
    tagged = articles.pipe(command, env=env, checkCode=True)
    tagged.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
