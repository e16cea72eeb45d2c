"""`briefing summarize` and `briefing eval`: the short summary and how it is measured."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import add_jobs_option, add_summarizer_option, options_from, positive, say
from briefing.errors import UsageError

SUMMARIZE_EXAMPLE = """\
Example:
  briefing summarize examples/dprk-russia --words 100
"""


def add_summarize(commands) -> None:
    sub = commands.add_parser(
        "summarize", help="print a short multi-document summary (plain text)",
        description="Print the brief's most important claims, verbatim, one per line, most "
                    "important first, in at most N words: no citations, no labels.",
        epilog=SUMMARIZE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("inputs", nargs="+", metavar="INPUT", help="article files and folders")
    sub.add_argument("--words", type=positive, default=100, metavar="N",
                     help="at most this many words (default: 100)")
    add_summarizer_option(sub)
    add_jobs_option(sub)
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    sub.set_defaults(run=_summarize)


def _summarize(args: argparse.Namespace) -> int:
    from briefing import api

    lines, problems = api.summarize(args.inputs, args.words, options_from(args))
    for problem in problems:
        say(f"skipped {problem}")
    if not lines:
        say(f"error: no sentence of the sources fits in {args.words} words; give a larger --words")
        return 1
    for line in lines:
        print(line)
    return 0


EVAL_EXAMPLE = """\
Example:
  briefing eval tests/data/clusters --words 100
  briefing eval my-set --json > scores.json
  briefing eval --judged --dump-unjudged unjudged.tsv

SET_DIR holds one folder per cluster: CLUSTER/docs/*.txt (articles) and
CLUSTER/refs/*.txt (human reference summaries).
"""


def add_eval(commands) -> None:
    sub = commands.add_parser(
        "eval", help="score briefing and sumy against reference summaries (ROUGE)",
        description="ROUGE-1/ROUGE-2 recall of 'briefing summarize' and of sumy's LexRank, "
                    "TextRank, LSA, Luhn and SumBasic over each cluster's concatenated "
                    "articles, with seconds taken, measured in one run.",
        epilog=EVAL_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("set_dir", nargs="?", metavar="SET_DIR", help="folder of clusters (ROUGE)")
    sub.add_argument("--judged", nargs="?", const="tests/judged/multinews", metavar="JUDGED_DIR",
                     help="instead, measure 'build' briefs against hand judgements (default folder: "
                          "tests/judged/multinews); see briefing/summary/judged.py")
    sub.add_argument("--devset", default="../shared/devsets/multinews", metavar="DIR",
                     help="with --judged: the judged clusters' articles (default: ../shared/devsets/multinews)")
    sub.add_argument("--dump-unjudged", metavar="FILE",
                     help="with --judged: write the pairs, flags and actors not judged yet to FILE, as ids")
    sub.add_argument("--words", type=positive, default=100, metavar="N",
                     help="word budget; every summary is truncated to it (default: 100)")
    sub.add_argument("--json", action="store_true", help="print the results as JSON")
    add_jobs_option(sub)
    sub.set_defaults(run=_eval)


def _eval(args: argparse.Namespace) -> int:
    import json

    from briefing.summary import evaluate

    if args.judged is not None or args.set_dir is None:
        return _eval_judged(args)
    results = evaluate.evaluate(Path(args.set_dir), args.words, jobs=args.jobs)
    n = len(evaluate.load_set(Path(args.set_dir)))
    if args.json:
        print(json.dumps(evaluate.to_dict(results, n, args.words), indent=2))
    else:
        print(evaluate.table(results, n, args.words))
    return 0


def _eval_judged(args: argparse.Namespace) -> int:
    import json

    from briefing.summary import judged_report

    if (args.judged is None) == (args.set_dir is None):
        raise UsageError("eval needs either SET_DIR (ROUGE) or --judged [JUDGED_DIR]; see 'briefing eval --help'")
    if args.dump_unjudged:
        judged_report.check_dump(Path(args.dump_unjudged), Path(args.judged))
    result = judged_report.evaluate_judged(Path(args.judged), Path(args.devset), args.jobs)
    if args.dump_unjudged:
        n = judged_report.write_unjudged(result, Path(args.dump_unjudged))
        say(f"wrote {n} unjudged pairs, flags and actors to {args.dump_unjudged}")
    print(json.dumps(judged_report.to_dict(result), indent=2) if args.json else judged_report.table(result))
    return 0


