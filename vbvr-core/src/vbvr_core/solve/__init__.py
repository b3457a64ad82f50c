"""Search shared by tasks: shortest paths on grids and graphs, counting optimal paths, block mazes."""
