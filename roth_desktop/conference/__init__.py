"""Live conference tools that need no Qt: the context-weighting maths and layout."""
