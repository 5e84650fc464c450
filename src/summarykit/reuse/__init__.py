"""Cross-document reuse detection (issue 5)."""
