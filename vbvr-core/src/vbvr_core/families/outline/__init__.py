"""Outlining: a coloured outline traced along one figure's boundary, and the judge of which boundary it follows."""
