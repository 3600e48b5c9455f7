"""Load a `dossier export opensearch` directory into OpenSearch with its official Python
client (pip install opensearch-py).

    python3 scale/opensearch/load.py URL EXPORT_DIR [--index NAME]

Puts the index template (index-template.json, as the template `dossier`), then sends each
bulk file (bulk-00001.ndjson …) as one `_bulk` request to the index NAME (default
`dossier`; the template applies to names starting with `dossier`), and refreshes it. A
document the cluster refuses fails the load, with the cluster's reason for the first few.
A new export of the same articles replaces their documents: the `_id` is the article id.
"""

import argparse
import json
import pathlib
import sys

from opensearchpy import OpenSearch


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the cluster, e.g. http://localhost:9200")
    parser.add_argument("export", type=pathlib.Path, help="the export directory")
    parser.add_argument("--index", default="dossier", help="the index to load into")
    args = parser.parse_args()
    template = args.export / "index-template.json"
    bulk_files = sorted(args.export.glob("bulk-*.ndjson"))
    if not template.is_file() or not bulk_files:
        sys.exit(f"load.py: {args.export} holds no export: run "
                 f"`dossier export opensearch PATH -o {args.export}`")
    client = OpenSearch(hosts=[args.url])
    client.indices.put_index_template(name="dossier", body=json.loads(template.read_text()))
    loaded = 0
    for bulk_file in bulk_files:
        response = client.bulk(body=bulk_file.read_bytes(), index=args.index)
        failed = [item["index"] for item in response["items"] if "error" in item["index"]]
        if failed:
            for item in failed[:5]:
                print(f"{bulk_file}: {item['_id']}: {item['error']}", file=sys.stderr)
            sys.exit(f"load.py: {len(failed)} documents of {bulk_file} were refused")
        loaded += len(response["items"])
    client.indices.refresh(index=args.index)
    print(f"load.py: {loaded} articles from {len(bulk_files)} bulk files into {args.index}")


if __name__ == "__main__":
    main()
