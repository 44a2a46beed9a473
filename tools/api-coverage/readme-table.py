#!/usr/bin/env python3
"""Writes the per-family coverage of report.md into README.md, between the
<!-- api-coverage:begin --> and <!-- api-coverage:end --> markers.

    python3 tools/api-coverage/readme-table.py     # after tools/api-coverage/run.sh
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = os.path.join(HERE, "report.md")
README = os.path.join(HERE, "..", "..", "README.md")
CLASSES = ["glide.api.GlideClient", "glide.api.GlideClusterClient", "glide.api.models.Batch", "glide.api.models.ClusterBatch"]


def family_tables(text):
    """{class: {family: (theirs, ours)}} from the report's "Per family" section."""
    tables = {}
    section = text.split("## Per family", 1)[1].split("## Details", 1)[0]
    for block in re.split(r"\n### ", section)[1:]:
        name = re.match(r"`([^`]+)`", block).group(1)
        rows = {}
        for fam, theirs, ours in re.findall(r"^\| (.+?) \| (\d+) \| (\d+) \|", block, re.M):
            rows[fam] = (int(theirs), int(ours))
        tables[name] = rows
    return tables


def main():
    tables = family_tables(open(REPORT).read())
    families = []
    for cls in CLASSES:
        for fam in tables.get(cls, {}):
            if fam not in families:
                families.append(fam)
    # The total last.
    families = [f for f in families if "total" not in f] + [f for f in families if "total" in f]
    cell = lambda cls, fam: "–" if fam not in tables.get(cls, {}) else "%d / %d" % (tables[cls][fam][1], tables[cls][fam][0])
    lines = ["| family | GlideClient | GlideClusterClient | Batch | ClusterBatch |", "|---|---:|---:|---:|---:|"]
    for fam in families:
        lines.append("| %s | %s |" % (fam, " | ".join(cell(cls, fam) for cls in CLASSES)))
    table = "\n".join(lines)
    readme = open(README).read()
    begin, end = "<!-- api-coverage:begin -->", "<!-- api-coverage:end -->"
    if begin not in readme:
        raise SystemExit("README.md has no %s marker" % begin)
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    open(README, "w").write(head + begin + "\n" + table + "\n" + end + tail)
    print(table)


if __name__ == "__main__":
    main()
