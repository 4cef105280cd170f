"""Split a scraped page into its articles and pick out the paragraphs worth reading.

Cleaning selects regions of the raw text; it never rewrites it, so every offset an
engine produces still indexes the file exactly as read. What is left out: repeated
headlines and photo captions, agency credits, and page chrome ("TT", "Show More",
"Related Articles", ...), and short section labels.

A text is cut into several articles only on evidence that it is a scraped page holding
several of them (`split="auto"`): at least two blocks, set apart by two or more blank
lines, that each carry page furniture (a headline or caption repeated inside the block,
a credited photo caption, chrome such as "TT"). A plain article with subheadings and
blank lines, or a JSONL line, stays one article, so pronouns resolve across its sections
and it keeps one id. `split="never"` and `split="always"` let a user force either way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .models import Article, RawInput, Region

# Bump when what cleaning keeps or splits changes: cached results (batch/store) carry it.
# 2: a repeated sentence is kept as text (only repeated headlines and captions are furniture).
# 3: an article lists its photo captions (read for names only).
CLEANING_VERSION = 3

# Lines that are page furniture wherever they appear (compared case-insensitively).
CHROME = {
    "tt", "show more", "show less", "related articles", "related", "related news",
    "back to top button", "back to top", "verified by monsterinsights", "advertisement",
    "advertisements", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "read more", "read more:", "read next", "more from", "subscribe",
    "sign up", "follow us", "comments", "print", "email", "close", "menu", "skip to content",
    "loading...", "most read", "most popular", "trending", "recommended", "you may also like",
    "continue reading", "see more", "view comments", "leave a comment",
}
CHROME_SUFFIXES = ("purchase licensing rights",)
# A caption usually ends with a photo credit: "(Reuters)", "(AP)", "EPA/NAME", "REUTERS/Name".
CREDIT = re.compile(
    r"(\((?:[^()]*\b(?:Reuters|AP|AFP|EPA|Getty|Photo|photo|Press Office|Anadolu|Xinhua|SANA|WAFA)\b[^()]*)\)\s*$"
    r"|\b(?:EPA|REUTERS|AFP|AP)/[A-Z][\w .'-]*\s*$|\(AP Photo[^)]*\)|Photo:)"
)
TERMINAL = tuple('.!?:;,"\'”’)…')
ARTICLE_BREAK = re.compile(r"\n[ \t\r\f\v]*\n[ \t\r\f\v]*\n")  # two or more blank lines


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


def lines_of(raw: str, start: int, end: int) -> list[Line]:
    out: list[Line] = []
    pos = start
    for chunk in raw[start:end].split("\n"):
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            s = pos + lead
            out.append(Line(s, s + len(stripped), stripped))
        pos += len(chunk) + 1
    return out


def segments(raw: str) -> list[Region]:
    """Blocks separated by two or more blank lines: candidate articles."""
    out, pos = [], 0
    for m in ARTICLE_BREAK.finditer(raw):
        out.append(Region(start=pos, end=m.start()))
        pos = m.end()
    out.append(Region(start=pos, end=len(raw)))
    return [r for r in out if raw[r.start : r.end].strip()]


def is_chrome(line: Line) -> bool:
    low = line.text.lower()
    return low in CHROME or low.endswith(CHROME_SUFFIXES)


def is_caption(line: Line) -> bool:
    return bool(CREDIT.search(line.text))


def is_heading(line: Line) -> bool:
    """Short, unpunctuated lines: section labels, subheads, navigation."""
    return line.words <= 10 and not line.text.endswith(TERMINAL)


def is_title_like(line: Line) -> bool:
    # A sentence ending in a closing quote ('... said, "No."') is prose, not a headline.
    bare = line.text.rstrip("\"'”’»")
    return 3 <= line.words <= 30 and not bare.endswith((".", ",", ";", ":"))


def _is_sentence(text: str) -> bool:
    """A line that ends as a sentence ends ('Ana Ruiz: Yes.', '"We will win," she said.')."""
    return text.rstrip("\"'”’»").endswith((".", "!", "?"))


def classify(lines: list[Line]) -> tuple[Line | None, list[Line]]:
    """Return (title, body lines) of one segment."""
    counts = Counter(line.text for line in lines)
    # A repeated headline or caption is furniture; a repeated sentence is text the writer
    # wrote twice (an interviewee's "Yes." to two questions, a chant quoted twice).
    repeated = {t for t, c in counts.items() if c > 1 and not _is_sentence(t)}
    title: Line | None = None
    for line in lines:
        if is_chrome(line) or is_caption(line):
            continue
        if line.text in repeated or is_title_like(line):
            title = line
        if title is not None or not is_heading(line):
            break
    body = [
        line for line in lines
        if line is not title
        and line.text not in repeated
        and not (title and line.start < title.start)
        and not is_chrome(line)
        and not is_caption(line)
        and not is_heading(line)
    ]
    return title, body


def captions_of(lines: list[Line], title: Line | None) -> list[Line]:
    """The photo captions of a segment after its headline, each text once."""
    seen: set[str] = set()
    out = []
    for line in lines:
        if is_caption(line) and line.text not in seen and not (title and line.start < title.start):
            seen.add(line.text)
            out.append(line)
    return out


SPLIT_MODES = ("auto", "never", "always")


def has_page_furniture(lines: list[Line]) -> bool:
    """What a scraped article block carries and a written article does not: its headline or
    caption repeated, a credited photo caption, or page chrome."""
    counts = Counter(line.text for line in lines if line.words > 2)  # (not a one-word "Share" twice)
    return any(c > 1 for c in counts.values()) or any(is_caption(line) or is_chrome(line) for line in lines)


def article_blocks(raw: str, split: str = "auto") -> list[Region]:
    """The blocks read as articles: every blank-line-separated block (`always`), the whole
    text (`never`), or the blocks only when two or more look like scraped articles (`auto`)."""
    if split not in SPLIT_MODES:
        raise ValueError(f"split must be one of {', '.join(SPLIT_MODES)}, got {split!r}")
    blocks = segments(raw)
    if split == "never" or len(blocks) < 2:
        return [Region(start=0, end=len(raw))]
    if split == "auto" and sum(has_page_furniture(lines_of(raw, b.start, b.end)) for b in blocks) < 2:
        return [Region(start=0, end=len(raw))]
    return blocks


def split_articles(raw_input: RawInput, split: str = "auto") -> list[Article]:
    raw = raw_input.text
    found: list[tuple[Line | None, list[Line]]] = []
    for seg in article_blocks(raw, split):
        lines = lines_of(raw, seg.start, seg.end)
        title, body = classify(lines)
        if title and not body and not is_chrome(title):
            title, body = None, [title]  # a one-line text is its own body, not a headline
        if body:
            found.append((title, body, captions_of(lines, title)))
    many = len(found) > 1
    articles = []
    for n, (title, body, captions) in enumerate(found, 1):
        start = title.start if title else body[0].start
        articles.append(
            Article(
                doc_id=f"{raw_input.input_id}#{n}" if many else raw_input.input_id,
                input_id=raw_input.input_id,
                source_file=raw_input.source_file,
                span=Region(start=start, end=body[-1].end),
                title=title.text if title else None,
                title_span=Region(start=title.start, end=title.end) if title else None,
                body=[Region(start=b.start, end=b.end) for b in body],
                captions=[Region(start=c.start, end=c.end) for c in captions],
                metadata=raw_input.metadata,
            )
        )
    return articles
