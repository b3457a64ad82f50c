"""Robustness in review: the certificate of :mod:`vbvr_core.judge.certificate` on the first saved samples.

The review runs the suite on :data:`REVIEW_SAMPLES` samples (the bench's ``validate-scorers --robustness``
runs it on all) and reports each miss. A miss is a warning here, not a fail, while the 21 first tasks'
scorers are being made robust (issue 15); the certificate command is where a miss fails.
"""

from __future__ import annotations

from vbvr_core.judge.certificate import TaskCertificate, certify
from vbvr_core.judge.robustness import run_suite
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, check, ok, warn

REVIEW_SAMPLES = 3
ROBUSTNESS_FOLDER = "robustness"


def certify_samples(context: ReviewContext) -> TaskCertificate:
    """Run the suite on the first :data:`REVIEW_SAMPLES` samples (each with the next as its ``shuffle``) and certify."""
    folders = context.samples[:REVIEW_SAMPLES]
    results = []
    for position, folder in enumerate(folders):
        other = context.samples[(position + 1) % len(context.samples)]
        results.append(run_suite(folder, context.work_dir / ROBUSTNESS_FOLDER / folder.name,
                                 other if other != folder else None))
    return certify(context.key, results)


@check("robustness")
def check_robustness_certificate(context: ReviewContext) -> Finding:
    """Legitimate variants and alternatives score high, shortcuts low, near misses below the ground truth."""
    certificate = context.robustness
    if certificate.errors:
        return warn(f"the suite did not finish: {certificate.errors[0]}")
    if certificate.misses:
        listed = "; ".join(f"{v.group}:{v.name} {v.mean:.2f} ({v.problem}; limit {v.limit})"
                           for v in certificate.misses)
        return warn(f"{len(certificate.misses)} of {len(certificate.verdicts)} robustness probes miss: {listed}. "
                    "Judge the rule in task units (cells, fractions, seconds) and colours relative to the frame")
    return ok(f"all {len(certificate.verdicts)} robustness probes within their limits")


CHECKS = [check_robustness_certificate]
