"""Counter: the core of the government service counter client (domain rules, store, use cases)."""

__version__ = "0.1.0"  # kept equal to pyproject.toml's version (tests/test_packaging checks it)
