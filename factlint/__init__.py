"""factlint: a fact-check and source-consistency linter for editorial repositories."""

__version__ = "0.1.0"
