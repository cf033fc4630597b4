"""Reading what a page says in its head, the way a crawler does."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageHead:
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)
    scripts: list[dict[str, str]] = field(default_factory=list)
    title: str = ""

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]

    def canonical(self) -> str | None:
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) <= 1
        return found[0] if found else None

    def of_type(self, kind: str) -> list[dict]:
        return [block for block in self.json_ld if block.get("@type") == kind]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = PageHead()
        self._script: dict[str, str] | None = None
        self._text: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.head.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "link":
            self.head.links.append(attributes)
        elif tag == "script":
            self._script, self._text = attributes, []
        elif tag == "title":
            self._in_title, self._text = True, []

    def handle_data(self, data):
        if self._script is not None or self._in_title:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._text)
            self.head.scripts.append({**self._script, "body": body})
            if self._script.get("type") == "application/ld+json":
                self.head.json_ld.append(json.loads(body))
            self._script = None
        elif tag == "title" and self._in_title:
            self.head.title = "".join(self._text)
            self._in_title = False


def read_head(html: str) -> PageHead:
    reader = _Reader()
    reader.feed(html)
    return reader.head
