"""The example brief, compared whole with the committed golden files (`make golden`)."""

from tests.golden import GOLDEN, render_example


def test_example_brief_matches_golden_files():
    rendered = render_example()
    for name, text in rendered.items():
        expected = (GOLDEN / name).read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from tests/golden/{name}; if intended, run `make golden` and review the diff"
