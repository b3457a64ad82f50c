"""Tracking: things read in place frame by frame (lamps, switches, sliders) whose changes a task asks for one at a
time; the judge of whether they happened one after another."""
