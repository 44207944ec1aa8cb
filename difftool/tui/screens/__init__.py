"""Modal screens of the review app: help and the decision note."""
