"""The CPU data-scaling study."""
