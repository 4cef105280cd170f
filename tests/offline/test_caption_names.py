"""A photo caption pairs a title with a name ("Head of the Harbour Guard Tomas Berg. (Reuters
file photo)"); the body may then call the person only by the title. Captions are left out
of the body (no claims come from them) but are read for names (engine.py, Article.captions),
so the title takes the caption's name (referents.py). Invented text laid out like a scraped
page."""

from .support import one

PAGE = ("Harbour Guard Chief Visits Port after Storm\n\n"
        "Head of the Harbour Guard Tomas Berg. (Reuters file photo)\n"
        "Head of the Harbour Guard Tomas Berg. (Reuters file photo)\n\n"
        "Head of the Harbour Guard visited the port on Monday and said the storm had sunk four boats, "
        "two officials said.\n\n"
        "The storm also cut power to the old town, the officials said.")


def test_a_title_named_only_in_a_caption_takes_the_name(run):
    rows = run(PAGE)
    head = one(rows, "Head of the Harbour Guard")[3]
    assert (head.source.type, head.source.name) == ("person", "Tomas Berg")
    assert head.claim.startswith("Tomas Berg said the storm had sunk four boats")


def test_no_claim_comes_from_a_caption(run):
    rows = run(PAGE)
    assert all("file photo" not in r[2] for r in rows), rows
