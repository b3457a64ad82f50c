"""Search shared by tasks: shortest paths on grids and graphs, counting optimal paths, edge-list graphs, block mazes."""
