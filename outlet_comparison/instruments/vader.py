"""VADER with the same numbers, faster: vaderSentiment's analyser with three shortcuts.

``polarity_scores`` of vaderSentiment 3.3 walks every character looking for emojis, and its
negation and idiom checks lower-case the whole sentence again for every word they look at (the
cost grows with the square of the sentence's length). Here a sentence without an emoji character
skips the character walk (it would copy the text unchanged), the lower-case words are made once
per sentence (``sentiment_valence`` and its checks read them, in the package's order), a word
outside the lexicon gets its valence 0 without a method call (as ``sentiment_valence`` gives it),
and a sentence with no lexicon word gets VADER's result for all-zero valences directly. Every other
step is the package's own code, so the scores are identical; the equality is checked sentence by
sentence in ``tests/instruments/test_sentiment_fast.py``.
"""

from __future__ import annotations

import string

from vaderSentiment import vaderSentiment as vs

_NEGATE = frozenset(vs.NEGATE)


def _negated(word: str) -> bool:
    """``vaderSentiment.negated([word])``: a negation word, or one containing n't."""
    low = word.lower()
    return low in _NEGATE or "n't" in low


def _senti_text(text: str) -> vs.SentiText:
    """``vs.SentiText(text)`` (words with outer punctuation stripped unless 2 characters or fewer remain)."""
    out = vs.SentiText.__new__(vs.SentiText)
    out.text = text
    words = [w if len(s := w.strip(string.punctuation)) <= 2 else s for w in text.split()]
    out.words_and_emoticons = words
    n_caps = sum(map(str.isupper, words))  # vs.allcap_differential(words), without its Python loop
    out.is_cap_diff = 0 < len(words) - n_caps < len(words)
    return out


def _neutral(n_words: int) -> dict[str, float]:
    """VADER's scores of a sentence whose words are all outside the lexicon (n_words of them)."""
    neu = 1.0 if n_words else 0.0
    return {"neg": 0.0, "neu": neu, "pos": 0.0, "compound": 0.0}


class FastAnalyzer(vs.SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with identical scores and per-sentence lower-case words."""

    def __init__(self, lexicon_file: str = "vader_lexicon.txt") -> None:
        super().__init__(lexicon_file=lexicon_file)
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._lows: tuple[list[str], list[str]] = ([], [])  # (words of the sentence, their lower case)

    def _lower(self, words: list[str]) -> list[str]:
        """The lower-case words of the sentence being scored (made once per sentence)."""
        if self._lows[0] is not words:
            self._lows = (words, [w.lower() for w in words])
        return self._lows[1]

    def polarity_scores(self, text: str) -> dict[str, float]:
        """vaderSentiment's ``polarity_scores``, with the shortcuts of the module docstring."""
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        sentitext = _senti_text(text.strip())
        words = sentitext.words_and_emoticons
        lows = self._lower(words)
        lexicon = self.lexicon
        if lexicon.keys().isdisjoint(lows):
            return _neutral(len(words))
        sentiments: list = []
        for i, low in enumerate(lows):
            if (
                low not in lexicon
                or low in vs.BOOSTER_DICT
                or (i < len(lows) - 1 and low == "kind" and lows[i + 1] == "of")
            ):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, words[i], i, sentiments)
        if "but" in lows:  # _but_check changes nothing in a sentence without 'but'
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, sentitext.text)

    def sentiment_valence(self, valence: float, sentitext, item: str, i: int, sentiments: list) -> list:
        """vaderSentiment's ``sentiment_valence`` on the precomputed lower-case words (same steps)."""
        is_cap_diff = sentitext.is_cap_diff
        words = sentitext.words_and_emoticons
        lows = self._lower(words)
        lexicon = self.lexicon
        item_lowercase = item.lower()
        if item_lowercase in lexicon:
            valence = lexicon[item_lowercase]
            if item_lowercase == "no" and i != len(words) - 1 and lows[i + 1] in lexicon:
                valence = 0.0  # "no" negates the next lexicon word instead of counting itself
            if (
                (i > 0 and lows[i - 1] == "no")
                or (i > 1 and lows[i - 2] == "no")
                or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ["or", "nor"])
            ):
                valence = lexicon[item_lowercase] * vs.N_SCALAR
            if item.isupper() and is_cap_diff:
                if valence > 0:
                    valence += vs.C_INCR
                else:
                    valence -= vs.C_INCR
            for start_i in range(0, 3):
                k = i - (start_i + 1)
                if i > start_i and lows[k] not in lexicon:
                    # vs.scalar_inc_dec is 0.0 for a word outside its booster list
                    s = (
                        vs.scalar_inc_dec(words[k], valence, is_cap_diff)
                        if lows[k] in vs.BOOSTER_DICT
                        else 0.0
                    )
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = self._negation_check(valence, words, start_i, i)
                    if start_i == 2:
                        valence = self._special_idioms_check(valence, words, i)
            valence = self._least_check(valence, words, i)
        sentiments.append(valence)
        return sentiments

    def _least_check(self, valence: float, words: list[str], i: int) -> float:
        """vaderSentiment's 'least' check on the precomputed lower-case words."""
        lows = self._lower(words)
        if i > 1 and lows[i - 1] not in self.lexicon and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * vs.N_SCALAR
        elif i > 0 and lows[i - 1] not in self.lexicon and lows[i - 1] == "least":
            valence = valence * vs.N_SCALAR
        return valence

    def _negation_check(self, valence: float, words: list[str], start_i: int, i: int) -> float:
        """vaderSentiment's negation check on the precomputed lower-case words."""
        lows = self._lower(words)
        if start_i == 0:
            if _negated(lows[i - 1]):
                valence = valence * vs.N_SCALAR
        if start_i == 1:
            if lows[i - 2] == "never" and (lows[i - 1] == "so" or lows[i - 1] == "this"):
                valence = valence * 1.25
            elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
                pass
            elif _negated(lows[i - 2]):
                valence = valence * vs.N_SCALAR
        if start_i == 2:
            if (
                lows[i - 3] == "never"
                and (lows[i - 2] == "so" or lows[i - 2] == "this")
                or (lows[i - 1] == "so" or lows[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                pass
            elif _negated(lows[i - 3]):
                valence = valence * vs.N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
        """vaderSentiment's idiom and booster n-gram check on the precomputed lower-case words."""
        lows = self._lower(words)
        onezero = f"{lows[i - 1]} {lows[i]}"
        twoonezero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
        twoone = f"{lows[i - 2]} {lows[i - 1]}"
        threetwoone = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
        threetwo = f"{lows[i - 3]} {lows[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[seq]
                break
        if len(lows) - 1 > i:
            zeroone = f"{lows[i]} {lows[i + 1]}"
            if zeroone in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[zeroone]
        if len(lows) - 1 > i + 1:
            zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
            if zeroonetwo in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in vs.BOOSTER_DICT:
                valence = valence + vs.BOOSTER_DICT[n_gram]
        return valence
