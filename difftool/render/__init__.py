"""Faces of a Comparison: each module reads a Comparison (or its JSON) and computes nothing."""
