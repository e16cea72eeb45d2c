"""The command line: parse options, call the library (briefing.api), turn its errors into
one-line messages. One module per command group; each imports the heavy parts of the library
only when its command runs, so `briefing --help` answers at once.
"""

from __future__ import annotations

import argparse
import sys

from briefing import __version__
from briefing.cli import archive, build, summary
from briefing.cli.common import say
from briefing.errors import BriefingError, NoArticlesError, UsageError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn a pile of news articles into a brief: key points, sections, "
                    "every sentence quoted from and cited to its sources.",
        epilog="Run 'briefing build --help' for the options of a build.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build.add(commands)
    archive.add(commands)
    summary.add_summarize(commands)
    summary.add_eval(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        status = args.run(args)
        sys.stdout.flush()  # a reader that went away shows here, inside the handlers below
        return status
    except NoArticlesError as exc:
        for problem in exc.problems:
            say(f"skipped {problem}")
        say(f"error: {exc}")
        return 1
    except BriefingError as exc:
        for problem in getattr(exc, "problems", None) or [None]:  # a profile: one line per problem
            say(f"error: {exc.path}: {problem}" if problem else f"error: {exc}")
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        say("interrupted; the previous brief, if any, is left as it was")
        return 130
    except BrokenPipeError:  # the reader went away (`briefing summarize ... | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit's flush
        return 141  # 128 + SIGPIPE, as a shell reports a command ended by a closed pipe
    except Exception as exc:  # sqlite3 only: a lock held too long, a full disk, a damaged archive
        if exc.__class__.__module__ != "sqlite3":
            raise
        say(f"error: the archive could not be used ({exc}); try again, or check its disk and --db")
        return 1


if __name__ == "__main__":
    sys.exit(main())
