"""Alias matching has one home (issue 20): ``text.names.alias_pattern`` and one default case rule."""

from __future__ import annotations

import helpers
from outlet_comparison.coverage import actors as actors_mod
from outlet_comparison.instruments.attribution import rules as rules_mod
from outlet_comparison.text import names


def test_actors_and_attribution_build_alias_patterns_with_the_one_function():
    assert actors_mod.alias_pattern is names.alias_pattern
    assert rules_mod.alias_pattern is names.alias_pattern
    for alias in ("White House", "US", "U.S.", "Fox News"):
        want = names.alias_pattern(alias, possessive=True, after_dot=True)
        assert rules_mod._alias_rx(alias).pattern == want
    path = actors_mod.aliases_path(helpers.ROOT / "articles" / "kerry-lavrov-g20-2016" / "actor_aliases.csv")
    rx, _groups = actors_mod._alias_regex(path)
    for k, (alias, _actor, _side, case) in enumerate(actors_mod._aliases(path)):
        assert f"(?P<a{k}>{names.alias_pattern(alias, case, spacing=True)})" in rx.pattern


def test_an_actor_alias_file_without_a_case_column_takes_the_default_rule(tmp_path):
    """No ``case`` column: a multi-word alias ignores case, a single word is exact, as in attribution."""
    p = tmp_path / "aliases.csv"
    p.write_text(
        "alias,actor,side,rationale\nWhite House,White House,US,x\nUS,United States,US,x\n", encoding="utf-8"
    )
    df = helpers.actors("the white house told us the US agreed.", p, discover=False)
    assert df["mention"].tolist() == ["white house", "US"]
    rules = rules_mod.load_rules()
    for alias in ("White House", "US"):
        case = names.alias_case(alias)
        assert case == ("ignore" if " " in alias else "sensitive")
        assert names.alias_lookup(alias) == (alias.lower() if case == "ignore" else alias)
    assert rules_mod.alias_at(rules, "white house") is not None  # attribution: the same rule
