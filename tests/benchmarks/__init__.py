"""Scripts that print figures (soak, start-up, memory): benchmarks, not timed tests."""
