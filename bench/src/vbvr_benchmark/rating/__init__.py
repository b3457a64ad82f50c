"""Human rating of model videos: the study (what is rated), the store (SQLite), the web app, simulated raters.

``vbvr-bench rate`` serves :func:`vbvr_benchmark.rating.app.create_app` with uvicorn; ``vbvr-bench agreement``
(:mod:`vbvr_benchmark.agreement`) reads the store back and compares it with the rule-based scores.
"""

from vbvr_benchmark.rating.db import SCALES, Rating, RatingStore, RatingStoreError
from vbvr_benchmark.rating.study import Study, StudyItem, build_study

__all__ = ["SCALES", "Rating", "RatingStore", "RatingStoreError", "Study", "StudyItem", "build_study"]
