"""Build the notebooks in notebooks/ from the cell sources below (stored without outputs).

    .venv/bin/python scripts/build_notebooks.py          # write notebooks/*.ipynb
    .venv/bin/python scripts/build_notebooks.py --check  # exit 1 if a notebook is out of date

Edit the cells here, not in Jupyter, so the notebooks stay reproducible and reviewable;
tests/test_notebooks.py executes them against the bundled corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks"

FIND_ROOT = '''from pathlib import Path

# The bundled corpora sit at the repository root, next to notebooks/ (works from either folder).
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "corpora" / "seed").is_dir())
SEED = ROOT / "corpora" / "seed"
DEV = ROOT / "corpora" / "dev"'''


def md(text: str):  # type: ignore[no-untyped-def]
    return new_markdown_cell(text.strip("\n"))


def code(text: str):  # type: ignore[no-untyped-def]
    return new_code_cell(text.strip("\n"))


QUICKSTART = [
    md("""
# summarykit quick start

summarykit turns Chinese work summaries (工作总结, 工作汇报, 述职报告, 政府工作报告 …) into
structured data: numbered sections with their headings and work categories, entities with
normalized values, and evidence of copied reports. From a folder of reports to DataFrames takes
three lines:

```python
import summarykit
corpus = summarykit.load("corpora/")
corpus.sections_frame()
```

This notebook runs on the bundled seed compilation (14 reports from one template site).
"""),
    code(FIND_ROOT),
    code("""
import summarykit

corpus = summarykit.load(SEED)  # files, folders, globs, or an iterable of (id, text) pairs
corpus
"""),
    md("""
## One document

A `Document` shows itself as its outline (with the category of each section) and its text, with
entities highlighted (hover for the normalized value) and template residue such as `20xx` or
`xx区` hatched in red. All document text is HTML-escaped.
"""),
    code("""
doc = corpus["000_13ecb70c73c97d6a/篇2"]
doc
"""),
    code("""
[(s.level, s.marker, s.heading, s.category) for s in doc.sections]
"""),
    code("""
[(e.label, e.text, e.value, e.unit, e.level) for e in doc.entities if e.label in ("COUNT", "HONOR")][:12]
"""),
    md("""
Offsets are Python string indices into `doc.text`, so every span slices back:
"""),
    code("""
e = doc.entities[0]
assert doc.text[e.start:e.end] == e.text
e
"""),
    md("""
## A report given as a string
"""),
    code("""
summarykit.parse(
    "一、加强组织建设\\n今年召开执委会5次，培训妇女干部120余人，荣获市级“巾帼文明岗”称号。\\n"
    "二、存在不足和明年打算\\n创新意识不够强。明年我们将进一步加强学习。",
    id="example",
)
"""),
    md("""
## DataFrames

One row per document, section or entity, with stable typed columns; `doc_id` joins all three
frames and `section_id` joins sections and entities (see `docs/frames.md`).
"""),
    code("""
docs = corpus.documents_frame()
docs[["doc_id", "title", "unit_kind", "n_chars", "n_sections", "n_entities"]].head()
"""),
    code("""
sections = corpus.sections_frame()
sections[["section_id", "level", "marker", "heading", "category", "category_score"]].head(8)
"""),
    code("""
entities = corpus.entities_frame()
entities.query("label == 'HONOR'")[["doc_id", "text", "level"]].head(10)
"""),
    md("""
## The JSON contract

`Document.to_dict()` is what `summarykit parse --format json` prints.
"""),
    code("""
doc.to_dict(include_text=False)["sections"][0]
"""),
    md("""
## From the shell

```
summarykit parse corpora/seed --format tree          # outlines
summarykit analyze corpora/seed corpora/dev --out out/demo   # CSV tables + report.html
```

Next: `02_corpus_research.ipynb` (category mix, counts, honours and boilerplate over the
development corpus) and `03_audit_copied_reports.ipynb` (finding the spun copy in the seed).
"""),
]


RESEARCH = [
    md("""
# Corpus research: what do units report on?

Over the development corpus (real public reports: 妇联, 社区, 村, 学校, 工会, 党支部, and
government work reports), we look at the category mix by kind of unit, the counts and honours the
reports claim, and how much of each report is template text.
"""),
    code(FIND_ROOT),
    code("""
import pandas as pd
import summarykit
import summarykit.plot as skplot

corpus = summarykit.load(DEV)
docs = corpus.documents_frame()
sections = corpus.sections_frame()
entities = corpus.entities_frame()
docs.groupby("unit_kind").agg(documents=("doc_id", "size"), characters=("n_chars", "sum"))
"""),
    md("""
## Category mix by kind of unit

Share of the characters of the top-level sections in each work category. `category_table` gives
the numbers, `category_mix` the figure.
"""),
    code("""
mix = skplot.category_table(corpus, by="unit_kind")
mix.round(2)
"""),
    code("""
ax = skplot.category_mix(corpus, by="unit_kind")
"""),
    code("""
ax = skplot.category_mix(corpus[:14], by="doc_id")  # per document, first 14 reports
"""),
    md("""
## Counts and honours

Entities carry typed values: a `COUNT` has a numeric `value` and a `unit`, an `HONOR` its `level`
(national … town). Placeholders such as `__人` are flagged and never given a value.
"""),
    code("""
counts = entities.query("label == 'COUNT' and not placeholder").merge(docs[["doc_id", "unit_kind"]], on="doc_id")
counts.groupby("unit_kind")["unit"].value_counts().groupby(level=0).head(3).unstack(fill_value=0)
"""),
    code("""
people = counts[counts["unit"].isin(["人", "名", "人次"])]
people.groupby("unit_kind")["value"].describe()[["count", "50%", "max"]]
"""),
    code("""
honors = entities.query("label == 'HONOR'")
honors = honors.merge(docs[["doc_id", "unit_kind"]], on="doc_id")
honors.groupby(["unit_kind", "level"], dropna=False).size().unstack(fill_value=0)
"""),
    md("""
Sections and entities join on `section_id`: which work categories do the numbers appear in?
"""),
    code("""
joined = entities.merge(sections[["section_id", "category"]], on="section_id", how="left")
joined.query("label in ['COUNT', 'PERCENT', 'MONEY']").groupby("category").size().sort_values(ascending=False)
"""),
    md("""
## Template text and copying

`find_reuse` finds passages shared between reports and separates template phrases (shared by many
reports) from copies; per document it gives the copy ratio and the boilerplate ratio.
"""),
    code("""
report = summarykit.find_reuse(corpus)
rates = report.documents_frame().reset_index().rename(columns={"id": "doc_id"})
rates = rates.merge(docs[["doc_id", "unit_kind"]], on="doc_id")
rates.groupby("unit_kind")[["boilerplate_ratio", "copy_ratio"]].mean().round(3)
"""),
    code("""
ax = skplot.copy_ratio_distribution(report)
"""),
    code("""
ax = skplot.similarity_heatmap(corpus)
"""),
]


AUDIT = [
    md("""
# Audit: which reports were copied, and from where?

The seed compilation holds 14 reports from one template site. One of them was run through a
synonym "spinner" (伪原创) to hide a copy: 积极→用心, 能力→潜力, 文明→礼貌, 创建→建立, 特别是→个性是 …
This notebook finds it and reads the copy side by side with its source.
"""),
    code(FIND_ROOT),
    code("""
import pandas as pd
import summarykit
import summarykit.plot as skplot

# The audit needs no work categories: leaving out the classifier stage makes loading faster.
corpus = summarykit.load(SEED, stages=("segment", "entities"))
report = summarykit.find_reuse(corpus)
report
"""),
    md("""
## Documents by copy ratio

`copy_ratio` is the share of a report inside passages shared with another report (CNKI's
总文字复制比); `max_source` is the report it takes most from; `spin_score` counts spinner words per
1,000 characters — unidiomatic substitutions a person does not write (礼貌社区, 用心的推动作用).
"""),
    code("""
ratios = report.documents_frame()
ratios.sort_values("copy_ratio", ascending=False)[
    ["copy_ratio", "max_source", "max_source_ratio", "boilerplate_ratio", "spin_score"]
].round(3)
"""),
    code("""
ax = skplot.similarity_heatmap(report, corpus=corpus)
"""),
    md("""
## The spun copy: 篇2 and 篇6
"""),
    code("""
matches = report.matches_frame()
short = lambda s: s.str.rsplit("/", n=1).str[-1]
matches = matches.assign(a=short(matches["doc_a"]), b=short(matches["doc_b"]),
                         chars_a=matches["end_a"] - matches["start_a"])
pair = matches[[{a, b} == {"篇2", "篇6"} for a, b in zip(matches["a"], matches["b"])]]
assert len(pair), "the 篇2/篇6 copy was not found"
pair[["a", "start_a", "end_a", "b", "start_b", "end_b", "kind", "score", "substitutions"]]
"""),
    code("""
from html import escape
from IPython.display import HTML

def side_by_side(m):
    a, b = corpus[m.doc_a], corpus[m.doc_b]
    cell = "<td style='width:50%;vertical-align:top;white-space:pre-wrap'>{}</td>"
    head = f"<tr><th>{escape(a.title)} [{m.start_a}:{m.end_a}]</th><th>{escape(b.title)} [{m.start_b}:{m.end_b}]</th></tr>"
    row = cell.format(escape(a.text[m.start_a:m.end_a])) + cell.format(escape(b.text[m.start_b:m.end_b]))
    return f"<table>{head}<tr>{row}</tr></table>"

HTML("".join(side_by_side(m) for m in pair.itertuples()))
"""),
    md("""
The spinner's words, where they are, and what a person would have written:
"""),
    code("""
spun_id = next(i for i in corpus.ids if i.endswith("篇2"))
pd.DataFrame(report.document(spun_id).spin_evidence)
"""),
    md("""
The copy in context: shared passages are underlined, spinner words wavy, template residue hatched.
"""),
    code("""
from summarykit.report import document_html

HTML(document_html(corpus[spun_id], reuse=report))
"""),
    md("""
## Reports with spin but no source in the collection

A spinner leaves its signature even when the source is elsewhere: a high `spin_score` with a
low `copy_ratio` marks a report copied from outside the collection.
"""),
    code("""
ratios.query("spin_score > 3 and copy_ratio < 0.05")[["title", "spin_score", "copy_ratio"]]
"""),
    md("""
The auditor's full report (all pairs side by side) is `report.to_html()`; from the shell,
`summarykit analyze corpora/seed --out out/audit` writes it with the tables and `report.html`.
"""),
]


NOTEBOOKS = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_corpus_research.ipynb": RESEARCH,
    "03_audit_copied_reports.ipynb": AUDIT,
}


def build(name: str, cells: list) -> nbformat.NotebookNode:  # type: ignore[type-arg]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):  # stable ids so rebuilding changes nothing
        cell["id"] = f"{Path(name).stem[:2]}-{i:02d}"
    return nb


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    OUT.mkdir(exist_ok=True)
    stale = []
    for name, cells in NOTEBOOKS.items():
        text = nbformat.writes(build(name, cells)) + "\n"
        path = OUT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"out of date (run scripts/build_notebooks.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
