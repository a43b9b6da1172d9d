"""Copro's entry points and the plumbing they share: settings, wiring, the event store's
extensions and signed tokens."""
