from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.incidents import Comment
from command_api.schemas.tickets import (
    Assignment,
    Conversion,
    Link,
    StatusMessage,
    StatusReason,
    TicketReport,
)
from copro.http_errors import RATE_LIMITED

router = APIRouter(tags=["tickets"])


@router.post(
    "/copros/{copro_id}/tickets",
    status_code=201,
    response_model=Receipt,
    responses=RATE_LIMITED,  # anonymous reports are limited per address
)
def report_ticket(
    copro_id: UUID, body: TicketReport, request: Request, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Reports something broken or asks for something: as a member, or anonymously with
    contact details (rate-limited per client address)."""
    if actor.is_anonymous:
        client = request.client.host if request.client else "-"
        request.app.state.anonymous_ticket_limiter.check(client)
    fields = body.model_dump(exclude={"reporter"})
    reporter = body.reporter.contact_details() if body.reporter else None
    return receipt(condos.report_ticket(actor, copro_id, reporter=reporter, **fields))


@router.post("/tickets/{ticket_id}/assign", response_model=Receipt)
def assign_ticket(
    ticket_id: UUID, body: Assignment, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Gives the ticket to a manager of the condo; its status does not change."""
    return receipt(condos.assign_ticket(actor, ticket_id, assignee_id=body.assignee_id))


@router.post("/tickets/{ticket_id}/start", response_model=Receipt)
def start_ticket(
    ticket_id: UUID, condos: CondosDep, actor: CurrentActor, body: StatusMessage | None = None
) -> Receipt:
    """Starts work on a ticket being analysed, with an optional message to the reporter."""
    message = body.message if body else None
    return receipt(condos.start_ticket(actor, ticket_id, message=message))


@router.post("/tickets/{ticket_id}/resolve", response_model=Receipt)
def resolve_ticket(
    ticket_id: UUID, condos: CondosDep, actor: CurrentActor, body: StatusMessage | None = None
) -> Receipt:
    """Resolves a ticket in progress, with an optional message to the reporter."""
    message = body.message if body else None
    return receipt(condos.resolve_ticket(actor, ticket_id, message=message))


@router.post("/tickets/{ticket_id}/close", response_model=Receipt)
def close_ticket(
    ticket_id: UUID, condos: CondosDep, actor: CurrentActor, body: StatusReason | None = None
) -> Receipt:
    """Closes a resolved ticket, or one needing no work (duplicate, not actionable) with a
    reason."""
    reason = body.reason if body else None
    return receipt(condos.close_ticket(actor, ticket_id, reason=reason))


@router.post("/tickets/{ticket_id}/reopen", response_model=Receipt)
def reopen_ticket(
    ticket_id: UUID, condos: CondosDep, actor: CurrentActor, body: StatusReason | None = None
) -> Receipt:
    """Reopens a resolved or closed ticket, with a reason."""
    reason = body.reason if body else None
    return receipt(condos.reopen_ticket(actor, ticket_id, reason=reason))


@router.post(
    "/tickets/{ticket_id}/comments",
    status_code=201,
    response_model=Receipt,
)
def add_comment(ticket_id: UUID, body: Comment, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Adds an internal comment, which the reporter never sees."""
    return receipt(condos.comment_on_ticket(actor, ticket_id, text=body.text))


@router.post(
    "/tickets/{ticket_id}/replies",
    status_code=201,
    response_model=Receipt,
)
def reply_to_reporter(
    ticket_id: UUID, body: Comment, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Answers the reporter."""
    return receipt(condos.reply_to_ticket(actor, ticket_id, text=body.text))


@router.post(
    "/tickets/{ticket_id}/convert",
    status_code=201,
    response_model=Receipt,
)
def convert_ticket(
    ticket_id: UUID, body: Conversion, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Opens an incident from the ticket and answers the new incident's id."""
    impacts = [i.model_dump() for i in body.impacts]
    return receipt(condos.convert_ticket(actor, ticket_id, impacts=impacts, title=body.title))


@router.post("/tickets/{ticket_id}/link", response_model=Receipt)
def link_ticket(ticket_id: UUID, body: Link, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Attaches the ticket to an existing incident of its condo."""
    return receipt(condos.link_ticket(actor, ticket_id, incident_id=body.incident_id))
