"""briefing: turn a pile of news articles into a cited, sectioned brief."""

__version__ = "0.1.0"
