"""Views of work package 1, split by feature: sessions, outcomes, calendar and feeds, topics."""
