"""Views of work package 1, split by feature: sessions, outcomes, topics."""
