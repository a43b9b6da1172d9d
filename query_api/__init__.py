"""The query API: read routes over the projections' tables."""
