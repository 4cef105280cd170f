"""extractor: claims and who is credited for them, pinned to exact offsets in news text."""

__version__ = "0.1.0"
