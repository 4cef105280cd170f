"""Build the Wikinews gold set (`evals/gold/wikinews.jsonl`) from hand annotations.

Why this exists: annotators write attributions as verbatim text (content, cue, source,
quote), which is easy to type and to review, while the gold format used by
`extractor eval` (the `DocumentResult` contract, see `evals/gold/seeds.jsonl`) needs exact
character offsets. This script turns the first into the second, exactly and never by
guessing: a span text that is not in the article stops the build with a message naming the
article and the claim. Wikinews texts are CC BY 2.5, so the raw texts are written next to
the gold (`evals/gold/wikinews/texts/<id>.txt`) and credited in the metadata.

Inputs: every `evals/gold/wikinews/annotations-*.jsonl`, one
`{"id", "split", "claims": [...]}` per article, and the articles in
../shared/data/wikinews/articles.jsonl.

    python evals/wikinews_gold.py          # build, print a per-split summary
    python evals/wikinews_gold.py --show   # also print every span in its context
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path("../shared/data/wikinews/articles.jsonl")
GOLD_DIR = ROOT / "evals" / "gold" / "wikinews"
# Every annotations-<part>.jsonl in the folder; the split is each line's own "split" field.
ANNOTATIONS = sorted(GOLD_DIR.glob("annotations-*.jsonl"),
                     key=lambda p: ({"annotations-tune.jsonl": 0, "annotations-heldout.jsonl": 1}.get(p.name, 2), p.name))
OUT = ROOT / "evals" / "gold" / "wikinews.jsonl"
CREDIT = "Wikinews contributors, CC BY 2.5"
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n\s*\n")


class AnnotationError(Exception):
    """An annotation that cannot be placed exactly; the message names article and claim."""


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of needle not inside a word ("he" is not in "the")."""
    out, i = [], text.find(needle)
    while needle and i != -1:
        j = i + len(needle)
        if not (needle[0].isalnum() and i > 0 and text[i - 1].isalnum()) and \
                not (needle[-1].isalnum() and j < len(text) and text[j].isalnum()):
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def span(text: str, start: int, needle: str) -> dict:
    return {"text": needle, "start": start, "end": start + len(needle), "match": "exact"}


def place_content(text: str, c: dict) -> tuple[dict, list[dict] | None]:
    """The content span (n-th occurrence) and its fragments, found in order inside it."""
    starts, n = occurrences(text, c["content"]), c.get("content_occurrence", 1)
    if len(starts) < n:
        raise AnnotationError(f"content not found (occurrence {n}): {c['content']!r}")
    content = span(text, starts[n - 1], c["content"])
    if not c.get("fragments"):
        return content, None
    pieces, pos = [], content["start"]
    for piece in c["fragments"]:
        i = text.find(piece, pos, content["end"])
        if i == -1:
            raise AnnotationError(f"fragment not found inside the content: {piece!r}")
        pieces.append(span(text, i, piece))
        pos = i + len(piece)
    if pieces[0]["start"] != content["start"] or pieces[-1]["end"] != content["end"]:
        raise AnnotationError("fragments must start and end the content (content = covering span)")
    return content, pieces


def place_near(text: str, needle: str, what: str, content: dict, pieces: list[dict] | None,
               before_only: bool = False, inside: bool = False) -> dict:
    """The occurrence of needle nearest the content (fewest sentence ends, then characters
    between), not overlapping the content's words (the gaps between fragments are allowed).
    `inside` (quotes): within the content; `before_only` (cue-less quotation paragraphs, §9.3):
    the most recent one before it; otherwise in the content's sentence or the next/previous one."""
    taken = pieces or [content]
    best = None
    for i in occurrences(text, needle):
        j = i + len(needle)
        if inside:
            ok = content["start"] <= i and j <= content["end"]
        elif before_only:
            ok = j <= content["start"]
        else:
            ok = not any(i < p["end"] and p["start"] < j for p in taken)
        if not ok:
            continue
        gap = text[j:content["start"]] if j <= content["start"] else text[content["end"]:max(i, content["end"])]
        key = (0, 0) if inside else (len(SENTENCE_END.findall(gap)), len(gap))
        if best is None or key < best[0]:
            best = (key, i)
    if best is None:
        raise AnnotationError(f"{what} not found{' inside the content' if inside else ''}: {needle!r}")
    if not (inside or before_only) and best[0][0] > 1:
        raise AnnotationError(f"nearest {what} {needle!r} is not in or next to the content's sentence")
    return span(text, best[1], needle)


def nth_occurrence(text: str, needle: str, n: int, what: str) -> dict:
    """The n-th occurrence in the article, for the rare mention the nearest-rule misplaces."""
    starts = occurrences(text, needle)
    if len(starts) < n:
        raise AnnotationError(f"{what} not found (occurrence {n}): {needle!r}")
    return span(text, starts[n - 1], needle)


def convert_claim(text: str, c: dict) -> dict:
    content, pieces = place_content(text, c)
    # Cue-less claims (quotation paragraphs §9.3, interview turns §9.8) take the speaker's
    # most recent mention before them, which may sit several sentences up.
    rule3 = c.get("cue") is None
    quote = place_near(text, c["quote"], "quote", content, pieces, inside=True) if c.get("quote") else None
    if c.get("cue") and c.get("cue_occurrence"):
        cue = nth_occurrence(text, c["cue"], c["cue_occurrence"], "cue")
    else:
        cue = place_near(text, c["cue"], "cue", content, pieces) if c.get("cue") else None
    if c.get("source") and c.get("source_occurrence"):
        mention = nth_occurrence(text, c["source"], c["source_occurrence"], "source")
    else:
        mention = place_near(text, c["source"], "source", content, pieces, before_only=rule3) if c.get("source") else None
    if c["source_type"] == "unattributed" and mention:
        raise AnnotationError("an unattributed claim has no source mention")
    via = [{"mention": place_near(text, v["text"], "via", content, pieces),
            "name": v.get("name"), "type": v["type"]} for v in c.get("via", [])]
    fragments = None
    if pieces:
        fragments = {"content": pieces}
        if quote and quote["text"] == content["text"]:
            fragments["quote"] = pieces
    return {
        "claim": c["claim"], "content": content, "quote": quote, "cue": cue,
        "source": {"mention": mention, "name": c.get("name"), "type": c["source_type"],
                   "descriptor": c.get("descriptor"), "role": c.get("role")},
        "via": via, "stance": c["stance"], "confidence": 1.0, "flags": [], "fragments": fragments,
    }


def convert_article(article: dict, ann: dict) -> dict:
    text, claims = article["text"], []
    for n, c in enumerate(ann["claims"], 1):
        try:
            claims.append(convert_claim(text, c))
        except (AnnotationError, KeyError) as e:
            why = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            raise AnnotationError(f"{ann['id']} claim {n} ({c.get('content', '')[:60]!r}): {why}") from None
    claims.sort(key=lambda c: (c["content"]["start"], c["content"]["end"]))
    input_id = f"{ann['id']}.txt"
    return {
        "doc_id": input_id, "input_id": input_id,
        "source_file": f"evals/gold/wikinews/texts/{input_id}",
        "span": {"start": 0, "end": len(text)}, "title": article["title"], "engine": "gold",
        "model": None, "prompt_version": None, "claims": claims, "errors": [], "usage": None,
        "metadata": {"split": ann["split"], "url": article["url"], "date": article["date"],
                     "credit": CREDIT, "guideline": "evals/GUIDELINES.md",
                     "annotation": "manual, from the text"},
    }


def in_context(text: str, s: dict, width: int) -> str:
    a, b = s["start"], s["end"]
    return f"...{text[max(0, a - width):a]}[{text[a:b]}]{text[b:b + width]}...".replace("\n", "⏎")


def show(doc: dict, text: str) -> None:
    print(f"\n== {doc['input_id']} ({doc['metadata']['split']})")
    for n, c in enumerate(doc["claims"], 1):
        src = c["source"]
        print(f"#{n} {src['type']} name={src['name']!r} descr={src['descriptor']!r} stance={c['stance']}")
        rows = [("content", c["content"], 0), ("quote", c["quote"], 0), ("cue", c["cue"], 40),
                ("source", src["mention"], 40)] + [("via", v["mention"], 40) for v in c["via"]]
        rows += [("piece", p, 0) for p in (c["fragments"] or {}).get("content", [])]
        for field, s, width in rows:
            if s:
                print(f"   {field:8}{in_context(text, s, width)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", nargs="?", const="", metavar="ID_PART",
                    help="print every claim's spans in context (only articles whose id contains ID_PART)")
    args = ap.parse_args(argv)
    articles = {a["id"]: a for a in map(json.loads, ARTICLES.read_text(encoding="utf-8").splitlines())}
    docs, texts = [], {}
    try:
        for path in (p for p in ANNOTATIONS if p.is_file()):
            for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
                ann = json.loads(line)
                if ann["id"] in texts:
                    raise AnnotationError(f"{path.name}: article {ann['id']!r} annotated twice")
                if ann["id"] not in articles:
                    raise AnnotationError(f"{path.name}: unknown article id {ann['id']!r}")
                docs.append(convert_article(articles[ann["id"]], ann))
                texts[ann["id"]] = articles[ann["id"]]["text"]
    except AnnotationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    (GOLD_DIR / "texts").mkdir(parents=True, exist_ok=True)
    for id_, text in texts.items():
        (GOLD_DIR / "texts" / f"{id_}.txt").write_bytes(text.encode("utf-8"))
    OUT.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    for d in docs if args.show is not None else []:
        if args.show in d["input_id"]:
            show(d, texts[d["input_id"][:-4]])
    for split in sorted({d["metadata"]["split"] for d in docs}):
        ds = [d for d in docs if d["metadata"]["split"] == split]
        types = Counter(c["source"]["type"] for d in ds for c in d["claims"])
        print(f"{split}: {len(ds)} articles, {sum(types.values())} claims; "
              + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    print(f"wrote {OUT.relative_to(ROOT)} ({len(docs)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
