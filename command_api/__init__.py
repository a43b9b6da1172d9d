"""The command API: HTTP in front of the write side; each route calls one application method."""
