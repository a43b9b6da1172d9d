"""What read routes receive: a connection, the caller (loaded once per request), and the access
checks bound to the path, all here.

A condo, incident, ticket or aggregate outside the caller's reach answers the same 404 as one
that does not exist: "no such condo", "no such incident"… by the kind of route, never by why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, TypeVar
from uuid import UUID

from fastapi import Depends, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from copro.fields import SearchText
from copro.tokens import InvalidToken, session_of
from projections import access
from projections.access import accounts, memberships
from query_api import queries
from query_api.answers.common import AccountStatus
from query_api.answers.copros import Copro
from query_api.answers.incidents import Incident, ManagedIncident
from query_api.answers.tickets import ManagedTicket, ReportedTicket
from query_api.reads import Reads
from query_api.views import audit, incidents, tickets
from query_api.views.people import people

bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
# A condo's public address, in the path of its status page's routes.
Slug = Annotated[SearchText, Path()]

OVERSEERS = ("auditor", "manager")
T = TypeVar("T")
READS_ACCESS = Reads(access.projection)


def get_engine(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


def connection(request: Request) -> Iterator[Connection]:
    with get_engine(request).connect() as conn:
        yield conn


Db = Annotated[Connection, Depends(connection)]


async def in_thread(request: Request, read: Callable[[Connection], T]) -> T:
    """What `read` answers from a connection of its own, in the thread pool: for async routes
    and dependencies, which read only when what they hold is not enough."""

    def with_connection() -> T:
        with get_engine(request).connect() as conn:
            return read(conn)

    return await run_in_threadpool(with_connection)


@dataclass(frozen=True)
class Caller:
    """The signed-in account, active, whose token is of its current session: its platform
    roles and its role in each of its condos."""

    id: UUID
    is_admin: bool
    is_operator: bool
    status: AccountStatus
    roles: dict[UUID, str]

    def is_member_of(self, copro_id: UUID) -> bool:
        return self.is_admin or copro_id in self.roles

    def manages(self, copro_id: UUID) -> bool:
        return self.is_admin or self.roles.get(copro_id) == "manager"

    def oversees(self, copro_id: UUID) -> bool:
        return self.is_admin or self.roles.get(copro_id) in OVERSEERS

    @property
    def operates(self) -> bool:
        return self.is_admin or self.is_operator


class NotSignedIn(Exception):
    """The token speaks for no one who may sign in now."""


def _caller(request: Request, conn: Connection, token: str) -> Caller:
    try:
        session = session_of(token, request.app.state.settings.signing_key)
    except InvalidToken:
        raise NotSignedIn("invalid or expired token") from None
    account = conn.execute(select(accounts).where(accounts.c.id == session.account_id)).first()
    try:
        generation = conn.execute(
            select(people.c.session_generation).where(people.c.id == session.account_id)
        ).scalar_one_or_none()
    except (OperationalError, ProgrammingError):
        generation = None  # a store from before sessions could end: nobody signs in from it
    if account is None or account.status != "active" or generation is None:
        raise NotSignedIn("this account cannot sign in")
    if generation != session.generation:
        # A password change or a platform-wide deactivation since: an ended session.
        raise NotSignedIn("invalid or expired token")
    rows = conn.execute(
        select(memberships.c.copro_id, memberships.c.role).where(
            memberships.c.account_id == session.account_id
        )
    )
    return Caller(
        id=session.account_id,
        is_admin=account.is_admin,
        is_operator=account.is_operator,
        status=account.status,
        roles={copro_id: role for copro_id, role in rows},
    )


async def _access_caught_up(request: Request, credentials: Credentials) -> None:
    """The access model has passed `X-Copro-After`, if there is a token to check: an anonymous
    visitor of a public page neither waits for it nor fails with it."""
    if credentials is not None:
        await READS_ACCESS(request)


def optional_caller(
    request: Request,
    conn: Db,
    credentials: Credentials,
    _: Annotated[None, Depends(_access_caught_up)],
) -> Caller | None:
    """The caller, or None for an anonymous visitor; a token that is invalid, expired or of an
    ended session is no one's, as if none had been sent (public pages answer anyway)."""
    if credentials is None:
        return None
    try:
        return _caller(request, conn, credentials.credentials)
    except NotSignedIn:
        return None


def current_caller(
    request: Request,
    conn: Db,
    credentials: Credentials,
    _: Annotated[None, Depends(_access_caught_up)],
) -> Caller:
    """The caller; 401 without a token, or with one that no one may sign in with now."""
    if credentials is None:
        raise HTTPException(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
    try:
        return _caller(request, conn, credentials.credentials)
    except NotSignedIn as refused:
        raise HTTPException(401, str(refused), headers={"WWW-Authenticate": "Bearer"}) from None


OptionalCaller = Annotated[Caller | None, Depends(optional_caller)]
CurrentCaller = Annotated[Caller, Depends(current_caller)]


# -- a condo of the caller's ----------------------------------------------------------------


def member_copro(copro_id: UUID, caller: CurrentCaller, conn: Db) -> Copro:
    """The condo of the path, if the caller holds a role in it (or is an admin); else 404."""
    copro = queries.copro_by_id(conn, copro_id) if caller.is_member_of(copro_id) else None
    if copro is None:
        raise HTTPException(404, "no such condo")
    return copro


MemberOf = Annotated[Copro, Depends(member_copro)]


def managed_copro(copro: MemberOf, caller: CurrentCaller) -> Copro:
    """The condo of the path, for its managers; 404 outside the caller's condos, else 403."""
    if not caller.manages(copro["id"]):
        raise HTTPException(403, "this needs the role: manager")
    return copro


ManagerOf = Annotated[Copro, Depends(managed_copro)]


def overseen_copro(copro: MemberOf, caller: CurrentCaller) -> Copro:
    """The condo of the path, for its auditors and managers; 404 outside the caller's condos,
    else 403."""
    if not caller.oversees(copro["id"]):
        raise HTTPException(403, "this needs the role: auditor or manager")
    return copro


OverseerOf = Annotated[Copro, Depends(overseen_copro)]


def visible_copro(slug: Slug, caller: OptionalCaller, conn: Db) -> Copro:
    """The condo of the slug, if its page is public or the caller is one of its members."""
    return _shown_to(caller, queries.copro_by_slug(conn, slug))


def _shown_to(caller: Caller | None, copro: Copro | None) -> Copro:
    if (
        copro is None
        or copro["archived"]
        or not (copro["public_status_page"] or (caller and caller.is_member_of(copro["id"])))
    ):
        raise HTTPException(404, "no such condo")
    return copro


async def shown_copro(request: Request, slug: Slug, credentials: Credentials) -> Copro:
    """`visible_copro`, from memory for an anonymous visitor of a public page whose row is kept
    (`query_api.pages.Renderings.public_condo`), else read in a thread with its own connection:
    with the body kept too, a public page costs no thread and no query."""
    # The row is all it shows: `kept` always holds it, so nothing more is ever read.
    copro, _ = await shown_copro_with(request, slug, credentials, lambda row: row, _nothing)
    return copro


def _nothing(conn: Connection, copro: Copro) -> Copro:
    raise AssertionError("never read: the row is always held")


async def shown_copro_with(
    request: Request,
    slug: str,
    credentials: HTTPAuthorizationCredentials | None,
    kept: Callable[[Copro], T | None],
    read: Callable[[Connection, Copro], T],
) -> tuple[Copro, T]:
    """`shown_copro`, and what the route shows of it: `kept` if that still holds it, else
    `read`, in the same thread and connection as the condo's row when the row is read too.
    After every change both are read again (the row is kept only while `status_page` stands
    still), and one thread and one connection for the two instead of one each took the p99 of
    a read waiting for its write from 26.1 to 22.1 ms (bench.freshness, median of seven runs
    taken in turn; p50 lower in every pair)."""
    if credentials is None:
        public: Copro | None = request.app.state.renderings.public_condo(slug)
        if public is not None:
            held = kept(public)
            if held is not None:
                return public, held
            return public, await in_thread(request, lambda conn: read(conn, public))
    else:
        await READS_ACCESS(request)

    def both(conn: Connection) -> tuple[Copro, T]:
        copro = _read_shown(request, conn, slug, credentials)
        held = kept(copro)
        return copro, held if held is not None else read(conn, copro)

    return await in_thread(request, both)


def _read_shown(
    request: Request,
    conn: Connection,
    slug: str,
    credentials: HTTPAuthorizationCredentials | None,
) -> Copro:
    caller = optional_caller(request, conn, credentials, None)
    if caller is not None:
        return visible_copro(slug, caller, conn)
    found = request.app.state.renderings
    copro = found.read_public_condo(slug, lambda: queries.copro_by_slug(conn, slug))
    return _shown_to(None, copro)


VisibleCopro = Annotated[Copro, Depends(shown_copro)]


# -- one thing of a condo of the caller's ---------------------------------------------------


def member_incident(
    incident_id: UUID, caller: CurrentCaller, conn: Db
) -> ManagedIncident | Incident:
    """The incident, for the members of its condo; for its managers, with its internal
    comments and linked tickets."""
    found = incidents.incident(conn, incident_id)
    if found is None or not caller.is_member_of(found["copro_id"]):
        raise HTTPException(404, "no such incident")
    if caller.manages(found["copro_id"]):
        return incidents.for_manager(conn, found)
    return found


MemberIncident = Annotated[ManagedIncident | Incident, Depends(member_incident)]


def readable_ticket(
    ticket_id: UUID, caller: CurrentCaller, conn: Db
) -> ManagedTicket | ReportedTicket:
    """The ticket as its reader may see it: everything for the condo's managers, the public
    part for its reporter; 404 for anyone else."""
    found = tickets.ticket(conn, ticket_id)
    if found is not None:
        if caller.manages(found["copro_id"]):
            return tickets.for_manager(conn, found)
        if tickets.is_reported_by(found, caller.id):
            return tickets.for_reporter(conn, found)
    raise HTTPException(404, "no such ticket")


ReadableTicket = Annotated[ManagedTicket | ReportedTicket, Depends(readable_ticket)]


def overseen_aggregate(aggregate_id: UUID, caller: CurrentCaller, conn: Db) -> UUID:
    """The aggregate, for the auditors and managers of its condo; what belongs to no single
    condo, for platform admins; 404 when unknown or outside the caller's condos, 403 for a
    member who oversees nothing."""
    known, copro_id = audit.home_of(conn, aggregate_id)
    if known and copro_id is not None and caller.is_member_of(copro_id):
        if not caller.oversees(copro_id):
            raise HTTPException(403, "this needs the role: auditor or manager")
        return aggregate_id
    if not (known and copro_id is None and caller.is_admin):
        raise HTTPException(404, "no such aggregate")
    return aggregate_id


OverseenAggregate = Annotated[UUID, Depends(overseen_aggregate)]


def operator(caller: CurrentCaller) -> Caller:
    """The caller, a platform operator or admin; else 403."""
    if not caller.operates:
        raise HTTPException(403, "this needs the platform role: operator")
    return caller


Operator = Annotated[Caller, Depends(operator)]


def platform_admin(caller: CurrentCaller) -> Caller:
    """The caller, a platform admin; else 403."""
    if not caller.is_admin:
        raise HTTPException(403, "this needs the platform role: admin")
    return caller


PlatformAdmin = Annotated[Caller, Depends(platform_admin)]
