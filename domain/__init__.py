"""The condo's write side: aggregates, their rules, and the application that runs commands."""
