"""briefing: turn a pile of news articles into a cited, sectioned brief.

The library surface is briefing.api (build_brief, summarize, weekly_brief, write_brief,
write_weekly, make_options), reachable from here; it is loaded on first use, so that
importing briefing (and `briefing --help`) stays instant.
"""

__version__ = "0.1.0"

_API = ("build_brief", "build_stories", "summarize", "weekly_brief", "write_brief", "write_weekly", "make_options", "Options")
__all__ = list(_API)


def __getattr__(name: str):
    if name in _API:
        from briefing import api

        return getattr(api, name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
