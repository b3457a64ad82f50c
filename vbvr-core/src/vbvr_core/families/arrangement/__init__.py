"""Arrangements: objects moved into places in a row, and the judge of the order they end in."""
