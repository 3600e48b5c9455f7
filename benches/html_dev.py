#!/usr/bin/env python3
"""Scores `dossier read` on an article-extraction dev set: a directory of `html/<id>.html.gz`
pages, their hand-extracted bodies in `ground-truth.json`, and the set's `evaluate.py`.

    benches/html_dev.py DEV_DIR [--work DIR] [--name NAME] [--dossier PATH]

The pages are unpacked into WORK/pages, read by one `dossier read` run (timed: pages per
second, on all cores and on one), and the bodies written to WORK/output/NAME.json in the
scorer's format. Then every system in WORK/output is scored: overall with the set's own
evaluate.py, and per page class (pages with a JSON-LD or itemprop articleBody, pages without
an <article>, pages where a system found no body). Run it before and after a change with
two names and the same WORK to compare. Nothing here is needed by the tests.
"""
import argparse
import gzip
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", type=lambda p: Path(p).resolve(), help="the dev-set directory")
    parser.add_argument("--work", type=Path, help="where pages and outputs go (default: a new temporary directory)")
    parser.add_argument("--name", default="dossier", help="the system's name in the output")
    parser.add_argument("--dossier", type=Path, default=ROOT / "target/release/dossier")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="html-dev-"))
    pages = unpack(args.dev, work / "pages")
    bodies, seconds = read(args.dossier, work / "pages", pages)
    _, single = read(args.dossier, work / "pages", pages, ["-j", "1"])
    (work / "output").mkdir(parents=True, exist_ok=True)
    output = {page: {"articleBody": bodies.get(page, "")} for page in pages}
    (work / "output" / f"{args.name}.json").write_text(json.dumps(output, ensure_ascii=False, indent=1))
    print(f"{args.name}: {len(pages)} pages, {len(pages) - len(bodies)} without a body; "
          f"{len(pages) / seconds:.0f} pages/s on all cores, {len(pages) / single:.0f} on one")
    score(args.dev, work)
    print(f"(work directory: {work})")


def unpack(dev, into):
    """The dev pages as `<id>.html` files in `into`; their ids in name order."""
    into.mkdir(parents=True, exist_ok=True)
    ids = []
    for packed in sorted((dev / "html").glob("*.html.gz")):
        page = packed.name[: -len(".html.gz")]
        (into / f"{page}.html").write_bytes(gzip.decompress(packed.read_bytes()))
        ids.append(page)
    return sorted(ids)


def read(dossier, pages_dir, pages, options=()):
    """The body `dossier read` gives each page (pages it skips have none), and the seconds
    the run took. Output lines come in name order, without the pages it names as skipped."""
    started = time.perf_counter()
    run = subprocess.run([str(dossier), "read", "-q", *options, str(pages_dir)],
                         capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode not in (0, 1):
        sys.exit(f"dossier read failed: {run.stderr}")
    skipped = set(re.findall(r"skipped .*?/([0-9a-f]+)\.html:", run.stderr))
    lines = run.stdout.splitlines()
    read_pages = [p for p in pages if p not in skipped]
    if len(lines) != len(read_pages):
        sys.exit(f"{len(lines)} articles for {len(read_pages)} pages read:\n{run.stderr}")
    return {p: json.loads(line)["text"] for p, line in zip(read_pages, lines)}, seconds


def score(dev, work):
    """Scores every system in WORK/output, overall and per page class."""
    shutil.copy(dev / "ground-truth.json", work)
    subprocess.run([sys.executable, str(dev / "evaluate.py"), "--n-bootstrap", "100"], cwd=work, check=True)
    spec = importlib.util.spec_from_file_location("evaluate", dev / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    truth = json.loads((dev / "ground-truth.json").read_text())
    systems = {p.stem: evaluate.load_prediction(p)[0] for p in sorted((work / "output").glob("*.json"))}
    classes = page_classes(work / "pages", truth)
    for name, prediction in systems.items():
        classes[f"no body from {name}"] = [p for p in truth if not prediction[p].get("articleBody", "").strip()]
    print(f"\n{'class':<34} {'pages':>5}  " + "  ".join(f"{n[:22]:>22}" for n in systems))
    for label, members in classes.items():
        cells = []
        for prediction in systems.values():
            counts = [evaluate.string_shingle_matching(true=truth[p]["articleBody"],
                                                       pred=prediction[p].get("articleBody", ""))
                      for p in members]
            cells.append(metrics(evaluate, counts))
        print(f"{label:<34} {len(members):>5}  " + "  ".join(f"{c:>22}" for c in cells))


def metrics(evaluate, counts):
    """F1, precision and recall as the scorer averages them; precision is undefined over
    pages that all have no body."""
    precisions = [evaluate.precision_score(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [evaluate.recall_score(*c) for c in counts if c[0] + c[2] > 0]
    if not precisions or not recalls:
        return "no body" if counts else "-"
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return f"F1 {2 * p * r / (p + r) if p + r else 0:.3f} P {p:.2f} R {r:.2f}"


def page_classes(pages_dir, truth):
    """Pages grouped by what they carry."""
    markup = {p: (pages_dir / f"{p}.html").read_bytes() for p in truth}
    ld = re.compile(rb'"articleBody"\s*:')
    return {
        "all": list(truth),
        "JSON-LD articleBody": [p for p, m in markup.items() if ld.search(m)],
        "itemprop=articleBody": [p for p, m in markup.items() if re.search(rb'itemprop=["\']?articleBody', m)],
        "no <article>": [p for p, m in markup.items() if not re.search(rb"<article[\s>]", m, re.I)],
    }


if __name__ == "__main__":
    main()
