#!/usr/bin/env python3
"""Compares two directories written by benches/snapshot.sh. Search hits with equal scores
(or equal dates) come in the order of the index's segments, which differs between two index
builds, so hits are compared sorted by their rank key and then id; every other file byte for
byte. Prints what differs; exits 1 if anything does."""
import json
import pathlib
import sys

def normal_search(path):
    result = json.loads(path.read_text())
    # Date sorting: newest first, then id; relevance: best first, then id.
    result["hits"].sort(key=lambda h: (-(h["score"] or 0), tuple(-ord(c) for c in (h["published"] or "")), h["id"]))
    return result

def main(before, after):
    before, after = pathlib.Path(before), pathlib.Path(after)
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differ = []
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            differ.append(f"{name}: only in one")
        elif name.startswith("search") and name.endswith(".json"):
            if normal_search(a) != normal_search(b):
                differ.append(name)
        elif name.startswith("search") and name.endswith(".txt"):
            # The text view of a page whose ties reorder: compare its lines as a multiset.
            if sorted(a.read_text().splitlines()) != sorted(b.read_text().splitlines()):
                differ.append(name)
        elif a.read_bytes() != b.read_bytes():
            differ.append(name)
    for name in differ:
        print("differs:", name)
    print(f"{len(names) - len(differ)} of {len(names)} outputs the same")
    return 1 if differ else 0

if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
