"""One module per ``vbvr-bench`` command; each holds one typed function that :mod:`vbvr_benchmark.cli` registers."""
