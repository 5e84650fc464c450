"""Word boundaries on demand: backward maximum matching over jieba's dictionary.

Organization and place names end in a head word (妇联, 委员会, 局, 村, 路 …) and begin
wherever their modifiers begin. To find that beginning the recognizers walk left from the
head one dictionary word at a time (longest dictionary word ending at the position; a single
character if none) and stop at a word of the packaged stop list (verbs, prepositions,
pronouns …: ``ent_stopwords.txt``). Only a few characters around each head are looked at,
so this costs far less than segmenting the whole text.
"""

from __future__ import annotations

import functools
import re

from ._base import lexicon

_PH_TOKEN = re.compile(r"(?:[_＿]+|[xXｘＸ×]+|\*+|[#＃]+|某某|某)$")
MAX_WORD = 6


@functools.cache
def vocab() -> dict[str, int]:
    """jieba's word frequencies (prefix entries have frequency 0)."""
    from ..tokenize import tokenizer

    return tokenizer().FREQ  # type: ignore[no-any-return]


@functools.cache
def _admin_units() -> frozenset[str]:
    return lexicon("ent_admin_units.txt")


def is_word(w: str) -> bool:
    return vocab().get(w, 0) > 0


@functools.cache
def stopwords() -> frozenset[str]:
    return lexicon("ent_stopwords.txt")


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def token_ending_at(text: str, p: int, lo: int = 0) -> int | None:
    """Start of the token that ends at ``p`` (backward maximum matching), or ``None`` if
    ``text[p-1]`` is neither a Han character nor a placeholder character."""
    if p <= lo:
        return None
    ch = text[p - 1]
    if not _han(ch):
        if ch in "_＿xXｘＸ×*#＃":
            q = p - 1
            while q > lo and text[q - 1] == ch:
                q -= 1
            if ch in "xXｘＸ×" and q > lo and (text[q - 1].isascii() and text[q - 1].isalpha()):
                return None
            return q
        return None
    if ch == "某" and p - 1 > lo and text[p - 2] == "某":
        return p - 2
    freq = vocab()
    for n in range(min(MAX_WORD, p - lo), 1, -1):
        w = text[p - n : p]
        if freq.get(w, 0) > 0 and all(_han(c) for c in w) and "某" not in w:
            return p - n  # (某县 · 某村 are a mask and a unit, not one word)
    return p - 1


def is_placeholder_token(w: str) -> bool:
    return bool(_PH_TOKEN.match(w))


FUNCTION_CHARS = frozenset(
    "的了在和与及或等中上下里内外后前个名位次年月日号届之其各每该本我这那是为把被将从到向对于以并而且也还都就又再所由"
    "一二三四五六七八九十百千万"
)


def is_stop(w: str, extra: frozenset[str] = frozenset()) -> bool:
    """A word that cannot be inside a name: a stop word, a word ending in one (充分发挥,
    贯彻落实), or a word ending in a function character (区内, 联和)."""
    if is_placeholder_token(w):
        return False
    stops = stopwords()
    if w in stops or w in extra:
        return True
    if len(w) >= 2:
        if w[-1] in FUNCTION_CHARS:
            return True
        for k in range(1, len(w) - 1):
            if w[k:] in stops:
                return True
    return False


@functools.cache
def _never_inside() -> frozenset[str]:
    from ._lexgen import EXTRA

    return frozenset(EXTRA)


_DETERMINER_CHARS = frozenset("各每该本全其此这那我")
"""A word starting with one of these (各地 · 全市) is no verb inside a name."""
_OWN_UNIT_CHARS = frozenset("院校局所站司厂处科室部委办队组会团馆")


def walk_left(
    text: str,
    p: int,
    *,
    max_chars: int = 10,
    max_tokens: int = 5,
    extra_stop: frozenset[str] = frozenset(),
    inner_verbs: bool = False,
) -> list[tuple[int, int]]:
    """Tokens left of ``p`` that can belong to a name, nearest first, as (start, end).

    With ``inner_verbs``, a verb right before the head is let in when a content word comes
    before it (软件|评测|中心 · 情报|研究|所): names of bodies often say what they do; a verb
    with nothing before it (围绕|中心) still ends the walk."""
    out: list[tuple[int, int]] = []
    lo = max(0, p - max_chars - MAX_WORD)
    q = p
    while len(out) < max_tokens:
        s = token_ending_at(text, q, lo)
        if s is None or p - s > max_chars:
            break
        w = text[s:q]
        if (
            inner_verbs
            and not out
            and len(w) == 2
            and is_stop(w, extra_stop)
            and w not in _never_inside()
            and w[-1] not in FUNCTION_CHARS
            and w[0] not in _DETERMINER_CHARS
        ):
            s2 = token_ending_at(text, s, lo)
            w2 = text[s2:s] if s2 is not None else ""
            if len(w2) >= 2 and not is_stop(w2, extra_stop) and not is_placeholder_token(w2):
                out.append((s, q))
                q = s
                continue
        if is_stop(w, extra_stop) or w in FUNCTION_CHARS:
            break
        # a dictionary word that glues a stop word to an administrative unit: 进社区 · 和县;
        # a pronoun and the writer's own unit: 我院 · 我校 · 本局 (我院党支部 → 院党支部)
        if len(w) >= 2 and (
            ((w[:1] in FUNCTION_CHARS or w[:1] in stopwords()) and w[1:] in _admin_units())
            or (len(w) == 2 and w[0] in "我本该" and w[1] in _OWN_UNIT_CHARS)
        ):
            out.append((s + 1, q))
            break
        out.append((s, q))
        q = s
    return out
