from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from projections import incidents as incidents_projection
from projections import status_page
from query_api.answers.common import Page
from query_api.answers.incidents import Incident, IncidentStatus, IncidentSummary, ManagedIncident
from query_api.deps import Db, MemberIncident, MemberOf
from query_api.params import Limit, Offset
from query_api.reads import Reads
from query_api.views import incidents

router = APIRouter(
    tags=["incidents"],
    dependencies=[Depends(Reads(incidents_projection.projection, status_page.projection))],
)


@router.get("/copros/{copro_id}/incidents")
def list_incidents(
    copro: MemberOf,
    conn: Db,
    status: Annotated[list[IncidentStatus] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[IncidentSummary]:
    """The condo's incidents, latest started first; `status` may be given more than once."""
    return incidents.list_incidents(conn, copro["id"], list(status or []), limit, offset)


@router.get("/incidents/{incident_id}")
def get_incident(incident: MemberIncident) -> ManagedIncident | Incident:
    """One incident with its public timeline, linked ticket count and version (for
    `expected_version`); for the condo's managers, its internal comments and the ids of the
    tickets linked to it too."""
    return incident
