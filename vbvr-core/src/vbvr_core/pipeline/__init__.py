"""The sample pipeline: a generator draws an instance from a seed, ``produce`` validates and retries, the
sample is written atomically with its provenance (seeds, sample I/O and folder names, package commits)."""
