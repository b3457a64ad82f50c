"""``vbvr review``: one suite of small named checks that says whether a task package is fit to merge.

In the spirit of Gymnasium's ``check_env`` and scikit-learn's ``check_estimator``: each check verifies
one property (contract, determinism, format, validation, diversity, scorer sanity, cost) and fails with
a message that says what to fix. Run them all::

    from vbvr_core.review import ReviewContext, run_review
    report = run_review(ReviewContext.for_key("G-15_grid_avoid_obstacles", work_dir))

or one by one as pytest cases in a task package's tests (the template does)::

    @pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.name)
    def test_passes_review(check, review_context):
        result = check(review_context)
        assert not result.failed, result.message
"""

from vbvr_core.review.context import DEFAULT_DRAWS, DEFAULT_SAMPLES, ReviewContext
from vbvr_core.review.diversity import REQUIRED_DISTINCT, estimate_distinct
from vbvr_core.review.params import parameter_space, parameter_table
from vbvr_core.review.result import Check, CheckResult, Finding, ReviewReport, Status
from vbvr_core.review.runner import ALL_CHECKS, ReviewTargetError, resolve_target, run_review

__all__ = [
    "ALL_CHECKS", "DEFAULT_DRAWS", "DEFAULT_SAMPLES", "REQUIRED_DISTINCT", "Check", "CheckResult", "Finding",
    "ReviewContext", "ReviewReport", "ReviewTargetError", "Status", "estimate_distinct", "parameter_space",
    "parameter_table", "resolve_target", "run_review",
]
