"""Review: the queue of doubtful claims, the local web app to decide them, the static show page.

`decisions` is the pure queue/decision logic, `app` builds the FastAPI app (guard in
`security`, routes in `routes_*`), `showpage` writes `extractor show`'s HTML. Nothing is
imported here, so `extractor.review.decisions` loads without FastAPI.
"""
