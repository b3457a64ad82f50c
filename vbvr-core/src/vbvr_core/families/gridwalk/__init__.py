"""Grid walks: the world drawn cell by cell, the agent tracked per frame, the walk judged."""
