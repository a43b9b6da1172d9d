"""Every projection the projector runs, in the order it runs them."""

from __future__ import annotations

from projections import access, audit_index, status_page
from projections.engine import Projection

PROJECTIONS: list[Projection] = [status_page.projection, access.projection, audit_index.projection]
