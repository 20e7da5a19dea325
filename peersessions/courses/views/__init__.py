"""The MOOC's pages (peersessions/courses/)."""
