"""A readable word-level diff of two versions of a text field, for the history's compare page."""

import difflib
import html

import nh3
from django.utils.html import format_html_join
from django.utils.safestring import SafeString


def plain_words(value: str) -> list[str]:
    """The words a reader sees: markup stripped, entities decoded."""
    return html.unescape(nh3.clean(value or "", tags=set())).split()


def word_diff(old: str, new: str) -> SafeString:
    """`old` → `new` word by word: removed words in `<del>`, added ones in `<ins>`."""
    before, after = plain_words(old), plain_words(new)
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("span", " ".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(("del", " ".join(before[a1:a2])))
        if b2 > b1:
            parts.append(("ins", " ".join(after[b1:b2])))
    return format_html_join(" ", "<{0}>{1}</{0}>", parts)


def text_diff(obj_compare) -> SafeString:
    """The compare hook of django-reversion-compare for text fields."""
    old, new = obj_compare.to_string()
    return word_diff(old, new)
