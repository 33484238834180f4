"""Command line: ``entityx extract | evaluate | gazetteer check | build``.

``entityx extract FILE... [--doc-date D]`` writes one JSON line per input file (``-`` reads
standard input): {"source", "doc_date", "events": [...], "entities": [...] (with --entities)}.
Files are read as UTF-8 and processed together with ``nlp.pipe``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, TextIO

from .errors import EntityxError


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EntityxError(f"{source}: not UTF-8 text") from None
    except OSError as exc:
        raise EntityxError(f"{source}: {exc.strerror or exc}") from None


def run_extract(sources: Iterable[str], *, doc_date: str | None, entities: bool, gazetteers: list[str],
                base: str, out: TextIO) -> int:
    from .api import entities_from_docs, events_from_docs, load, normalize_doc_date, process

    sources = list(sources)
    iso = normalize_doc_date(doc_date)
    nlp = load(gazetteers=gazetteers, base=base)
    texts = [_read(s) for s in sources]
    for source, chunks in zip(sources, process(texts, doc_date=iso, nlp=nlp)):
        record = {
            "source": "<stdin>" if source == "-" else source,
            "doc_date": iso,
            "events": [e.to_dict() for e in events_from_docs(chunks)],
        }
        if entities:
            record["entities"] = [e.to_dict() for e in entities_from_docs(chunks)]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def run_gazetteer_check(paths: list[str], out: TextIO, *, with_shipped: bool = True) -> int:
    """Validate files on their own and together with the shipped gazetteers (so a user's alias
    that collides with a shipped official is found)."""
    from .api import load
    from .gazetteer import check_gazetteers, shipped_gazetteer_files

    known_roles = load(base="blank").get_pipe("entityx_officials").data.get("roles", {}).keys()
    data, errors, warnings = check_gazetteers(paths, known_roles=known_roles)
    if with_shipped:
        shipped = [str(p) for p in shipped_gazetteer_files()]
        extra = [p for p in paths if str(Path(p).resolve()) not in {str(Path(s).resolve()) for s in shipped}]
        _, all_errors, _ = check_gazetteers([*shipped, *extra], known_roles=known_roles)
        errors += [e for e in all_errors if e not in errors and any(str(Path(p)) in e for p in extra)]
    for message in warnings:
        print(f"warning: {message}", file=sys.stderr)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    counts = {name: len(getattr(data, name)) for name in
              ("officials", "roles", "organizations", "countries", "cities", "landmarks")}
    out.write(("ok: " if not errors else f"{len(errors)} error(s): ")
              + ", ".join(f"{n} {k}" for k, n in counts.items() if n) + "\n")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="entityx", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="official-visit events (JSON lines) from article files")
    extract.add_argument("files", nargs="+", help="UTF-8 text files; '-' for standard input")
    extract.add_argument("--doc-date", help="publication date (YYYY-MM-DD) for all inputs")
    extract.add_argument("--entities", action="store_true", help="also write the tagged entities")
    extract.add_argument("--gazetteer", action="append", default=[], help="extra gazetteer YAML (repeatable)")
    extract.add_argument("--base", default="auto", help="auto | blank | name of an installed spaCy pipeline")

    gazetteer = sub.add_parser("gazetteer", help="gazetteer tools")
    gazetteer_sub = gazetteer.add_subparsers(dest="action", required=True)
    check = gazetteer_sub.add_parser("check", help="validate gazetteer YAML files")
    check.add_argument("paths", nargs="+")

    evaluate = sub.add_parser("evaluate", help="score entityx on annotated documents (docs/annotation.md)",
                              add_help=False)
    evaluate.add_argument("rest", nargs=argparse.REMAINDER)

    build = sub.add_parser("build", help="rebuild the packaged pipeline from gazetteers/")
    build.add_argument("--out", default="models/de_entityx")
    build.add_argument("--gazetteers", default="gazetteers")

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "evaluate":
        from .evaluate import main as evaluate_main
        return evaluate_main(argv[1:])
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args.files, doc_date=args.doc_date, entities=args.entities,
                               gazetteers=args.gazetteer, base=args.base, out=sys.stdout)
        if args.command == "gazetteer":
            return run_gazetteer_check(args.paths, sys.stdout)
        if args.command == "build":
            from .pipeline import main as build_main
            return build_main(["--out", args.out, "--gazetteers", args.gazetteers])
    except (EntityxError, ValueError, TypeError) as exc:
        print(f"entityx: error: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
