"""vbvr-benchmark: rule-based, verifiable scoring of video models on VBVR tasks.

- :func:`vbvr_benchmark.scoring.score_folder` scores a model's videos against samples (ours or the official
  VBVR-Bench layout) in worker processes with a per-video time limit;
- :func:`vbvr_benchmark.aggregate.summarize` aggregates per task, category, split and overall with bootstrap intervals;
- :mod:`vbvr_benchmark.report` writes JSON, CSV, Markdown and plots; :mod:`vbvr_benchmark.compare` compares models;
- :mod:`vbvr_benchmark.validate` proves every scorer separates the reference baselines.
"""

__version__ = "0.1.0"
