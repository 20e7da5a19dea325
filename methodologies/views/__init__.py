"""Views of work package 2, split by feature."""
