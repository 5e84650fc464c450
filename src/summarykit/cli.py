"""Command line: ``summarykit parse|evaluate|…``. The only module that prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on bad usage; keep that
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _open_out(path: str | None) -> TextIO:
    if path in (None, "-"):
        return sys.stdout
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8")


def _load_inputs(paths: Sequence[str], *, stages: Sequence[str]):  # type: ignore[no-untyped-def]
    """Corpus from paths; ``-`` reads one report from stdin. Problems go to stderr."""
    import warnings

    from .corpus import Corpus
    from .errors import SummaryKitWarning
    from .pipeline import load, parse

    docs, problems = [], []
    files = [p for p in paths if p != "-"]
    if "-" in paths:
        text = sys.stdin.read()
        if text.strip():
            docs.append(parse(text, id="stdin", stages=stages))
        else:
            print("summarykit: <stdin>: input is empty", file=sys.stderr)
            problems.append("<stdin>")
    if files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SummaryKitWarning)
            corpus = load(files, stages=stages)
        docs.extend(corpus.documents)
        for p in corpus.problems:
            print(f"summarykit: {p.message}", file=sys.stderr)
        problems.extend(p.source for p in corpus.problems)
    return Corpus(tuple(docs)), problems


def format_tree(doc, *, width: int = 60) -> str:  # type: ignore[no-untyped-def]
    """An indented outline a person can read."""
    lines = [f"{doc.id}  {doc.title}".rstrip()]
    for s in doc.sections:
        heading = s.heading if len(s.heading) <= width else s.heading[: width - 1] + "…"
        cat = f"  [{s.category}]" if s.category else ""
        lines.append(f"{'  ' * s.level}{s.marker} {heading}{cat}")
    for a in doc.anomalies:
        lines.append(f"  ! {a.kind} @{a.start}: {a.detail}")
    return "\n".join(lines)


def _cmd_parse(args: argparse.Namespace) -> int:
    stages = ("segment", "entities", "classify")
    corpus, problems = _load_inputs(args.paths, stages=stages)
    out = _open_out(args.output)
    try:
        if args.format == "json":
            json.dump(corpus.to_dict(), out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif args.format == "tree":
            out.write("\n\n".join(format_tree(d) for d in corpus) + "\n")
        else:
            for d in corpus:
                out.write(f"# {d.id}  {d.title}\n")
                for s in d.sections:
                    out.write(f"{s.level}\t{s.marker}\t{s.heading}\t{s.start}-{s.end}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_PROBLEMS if problems else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="summarykit", description="Chinese work summaries → structured data.")
    parser.add_argument("--version", action="version", version=f"summarykit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("parse", help="sections (and entities, categories) of reports")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs; - for stdin")
    p.add_argument("--format", choices=("json", "text", "tree"), default="tree")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser(
        "analyze",
        help="all stages on a corpus: tables (CSV or Parquet) and an HTML report",
        description="Run every stage on the reports and write documents, sections, entities and "
        "matches tables plus report.html into DIR; prints a summary with the paths.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if needed)")
    p.add_argument("--parquet", action="store_true", help="write Parquet instead of CSV (needs pyarrow)")
    p.add_argument("--n-jobs", type=int, default=1, metavar="N", help="processes for per-document stages (-1: one per core)")
    p.add_argument("--min-chars", type=int, default=None, metavar="N", help="shortest copied passage to report")
    p.add_argument("--no-progress", action="store_true", help="no progress bars even on a terminal")
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser(
        "reuse",
        help="copied passages (verbatim, near, spun), template text and spin scores across reports",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs; - for stdin")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--html", metavar="FILE", help="also write the HTML audit report here")
    p.add_argument("--min-chars", type=int, default=30, metavar="N", help="shortest passage reported (default 30)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--n-jobs", type=int, default=2, metavar="N", help="worker processes (default 2)")
    p.set_defaults(func=_cmd_reuse)

    p = sub.add_parser(
        "classify",
        help="work category of each section, with its probability, and each report's category mix",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs; - for stdin")
    p.add_argument("--max-level", type=int, default=2, metavar="N", help="deepest section level listed (default 2)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=_cmd_classify)

    p = sub.add_parser("evaluate", help="score a stage against the team's gold data")
    p.add_argument("what", choices=("sections", "entities", "categories", "reuse"))
    p.add_argument("paths", nargs="*", metavar="PATH", help="gold files or folders (default: corpora/gold/<what>)")
    p.epilog = "options after WHAT go to that evaluation (e.g. `summarykit evaluate entities -v PERSON`, `sections -v --json`)"
    p.set_defaults(func=_cmd_evaluate)
    return parser


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import analyze
    from .errors import InputError, SummaryKitError

    if args.n_jobs == 0 or args.n_jobs < -1:
        print(f"summarykit: --n-jobs must be a positive number or -1, got {args.n_jobs}", file=sys.stderr)
        return EXIT_USAGE
    if args.min_chars is not None and args.min_chars < 1:
        print(f"summarykit: --min-chars must be at least 1, got {args.min_chars}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = analyze(
            args.paths,
            out=args.out,
            parquet=args.parquet,
            n_jobs=args.n_jobs,
            min_chars=args.min_chars,
            progress=False if args.no_progress else None,
        )
    except InputError as exc:
        print(f"summarykit: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except SummaryKitError as exc:
        print(f"summarykit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for p in result.problems:
        print(f"summarykit: {p.message}", file=sys.stderr)
    print(result.summary())
    if "report" in result.files:
        print(f"open the report: {result.files['report'].resolve().as_uri()}")
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _cmd_reuse(args: argparse.Namespace) -> int:
    from .reuse.detect import find_reuse

    if args.min_chars < 1:
        print(f"summarykit: --min-chars must be at least 1, got {args.min_chars}", file=sys.stderr)
        return EXIT_USAGE
    corpus, problems = _load_inputs(args.paths, stages=())
    report = find_reuse(corpus, min_chars=args.min_chars, n_jobs=args.n_jobs)
    out = _open_out(args.output)
    try:
        if args.format == "json":
            json.dump(report.to_dict(), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            out.write(report.to_text() + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.html:
        with open(args.html, "w", encoding="utf-8") as fh:
            fh.write(report.to_html())
    return EXIT_PROBLEMS if problems else EXIT_OK


def _cmd_classify(args: argparse.Namespace) -> int:
    from .classify import category_mix

    corpus, problems = _load_inputs(args.paths, stages=("segment", "classify"))
    out = _open_out(args.output)
    try:
        out.write("document\tmarker\theading\tcategory\tprobability\n")
        for d in corpus:
            if not d.sections:
                out.write(f"{d.id}\t\t(no numbered sections found)\t\t\n")
                continue
            for s in d.sections:
                if s.level > args.max_level:
                    continue
                p = (s.category_scores or {}).get(s.category or "", float("nan"))
                heading = s.heading if len(s.heading) <= 30 else s.heading[:29] + "…"
                out.write(f"{d.id}\t{'  ' * (s.level - 1)}{s.marker}\t{heading}\t{s.category}\t{p:.2f}\n")
            mix = ", ".join(f"{c} {v:.0%}" for c, v in category_mix(d).items())
            out.write(f"{d.id}\tmix\t(share of the text of its top-level sections)\t{mix}\t\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_PROBLEMS if problems else EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import importlib

    try:
        module = importlib.import_module(f"summarykit.evaluate.{args.what}")
    except ModuleNotFoundError:
        print(f"summarykit: evaluate {args.what} is not available yet", file=sys.stderr)
        return EXIT_USAGE
    cli = getattr(module, "cli", None)  # evaluations with options of their own parse them
    if cli is not None:
        return int(cli([*args.paths, *args.extra]))
    if args.extra:
        print(f"summarykit evaluate {args.what}: unrecognized arguments: {' '.join(args.extra)}", file=sys.stderr)
        return EXIT_USAGE
    return int(module.main(args.paths))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "func", None) is not _cmd_evaluate:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `summarykit parse … | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
