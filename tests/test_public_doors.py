"""Other packages are used through their public doors (issue 20): no private module or attribute.

The speed patches that stay on a package's internals live in ``outlet_comparison/speedups.py`` with
a version check; everything else calls the package's public API.
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from outlet_comparison.regex_safety import backtracking_risk, first_class, parse  # noqa: E402
from outlet_comparison.report.charts import chart_title  # noqa: E402

# Private modules and attributes of other packages that the code once reached into.
_PRIVATE = re.compile(
    r"textstat\.backend|\bre\._\w|from re import _|\bsre_(?:parse|constants|compile)\b|(?<![a-z])_suptitle"
)


def _sources() -> list:
    """Every Python file and notebook of the library, scripts, benchmarks and notebooks."""
    root = helpers.ROOT
    files = [root / "helpers.py"]
    for folder, pattern in (("outlet_comparison", "*.py"), ("scripts", "*.py"), ("benchmarks", "*.py")):
        files += sorted((root / folder).rglob(pattern))
    return files + sorted((root / "notebooks").glob("*.ipynb"))


def test_no_module_reaches_into_private_internals():
    found = []
    for path in _sources():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _PRIVATE.search(line) and "regex_safety.py" not in path.name:
                found.append(f"{path.relative_to(helpers.ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_chart_title_reads_the_suptitle_through_the_public_getter():
    fig, ax = plt.subplots()
    ax.set_title("axes title")
    assert chart_title(fig) == "axes title"
    fig.suptitle("Figure title")
    assert chart_title(fig) == "Figure title"
    plt.close(fig)


def test_regex_safety_imports_no_private_parser():
    import outlet_comparison.regex_safety as rs

    text = open(rs.__file__, encoding="utf-8").read()
    code = text.split('"""', 2)[2]  # after the module docstring (which names the parser it replaces)
    assert "_parser" not in code and "sre_" not in code


@pytest.mark.parametrize(
    "pattern",
    [r"(ab|ac)+", r"(?:said|says)+ x", r"(a|b)+", r"(?:\w+ )?deal", r"(?>a|aa)+c", r"(a|aa)++c", r"a{1,3}"],
)
def test_patterns_that_cannot_split_two_ways_are_accepted(pattern):
    # (ab|ac)+: the common prefix 'a' is moved out of the alternation, as re's own parser does
    assert backtracking_risk(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [r"(aa?)+b", r"(a{1,3})*b", r"(a|aa)+c", r"(?x) ( a | a a ) + c", r"(?:\w+\s?)+$", r"(x|y|xy){2,}z"],
)
def test_patterns_that_split_two_ways_are_refused(pattern):
    assert backtracking_risk(pattern) is not None


def test_parse_reads_escapes_classes_groups_and_flags():
    assert parse(r"[^a]") == [("NOT_LITERAL", 97)]
    assert parse(r"a|b|[cd]") == [
        ("IN", [("LITERAL", 97), ("LITERAL", 98), ("LITERAL", 99), ("LITERAL", 100)])
    ]
    assert parse(r"\x41\u00e9\N{EM DASH}\101") == [("LITERAL", c) for c in (65, 233, 0x2014, 65)]
    assert parse(r"(?x) a  b # comment") == [("LITERAL", 97), ("LITERAL", 98)]
    assert parse(r"(?:ab)")[0] == ("LITERAL", 97)  # a plain group is inlined
    (op, (lo, hi, body)), *_ = parse(r"(?:ab){2,5}?")
    assert (op, lo, hi, list(body)) == ("MIN_REPEAT", 2, 5, [("LITERAL", 97), ("LITERAL", 98)])
    assert first_class(r"(?:grave )?differences|fail") == "[dfg]"


def test_a_pattern_the_parser_cannot_read_is_refused_not_passed(monkeypatch):
    import outlet_comparison.regex_safety as rs

    def unreadable(pattern, flags=0):
        raise rs.UnknownSyntax("a future extension")

    monkeypatch.setattr(rs, "parse", unreadable)
    assert "cannot read" in backtracking_risk("abc")
    assert first_class("abc") is None
