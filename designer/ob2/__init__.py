"""Open Badges 2.0: reading, offline checks and the upgrade to 3.0."""
