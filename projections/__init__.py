"""The read side: read-model tables, one module per projection, and the projector engine."""
