"""Evaluation: gold loading, scoring predictions against it, and the eval reports.

`gold` reads gold files, `scoring` scores a run (its parts: `matching`, `speech`,
`documents`, `metrics`, `compare`), `reports` writes metrics.json / report.md /
report.html, and `run` is the I/O edge of `extractor eval`. Nothing is imported here,
so importing one part never loads the others (or spaCy, via the pipeline).
"""
