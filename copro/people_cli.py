"""`copro people`: a person's rights of access and erasure, from the command line (the `system`
actor, as a platform admin's routes do over the API)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from pydantic_core import to_jsonable_python

people_app = typer.Typer(
    help="A person's data: everything held on them, or its erasure.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Email = Annotated[str, typer.Option(help="The person's email.")]


@people_app.command("export")
def export(email: Email) -> None:
    """Prints everything held on the person of this email, as JSON (the right of access): their
    rows of the people store (their account's, their anonymous reports'), their account's roles
    and invitations, and the tickets they reported with their public timeline, as the read
    models stand."""
    from copro.bootstrap import open_condos
    from copro.cli import load_settings
    from copro.read_store import read_tables
    from query_api.views.right_of_access import held_on

    settings = load_settings()
    # The event store opened first, as erase opens it: on a store never served that creates
    # its tables (the people store's among them), and the answer is that nothing is held.
    open_condos(settings).close()
    with read_tables(settings).connect() as conn:
        _print(held_on(conn, email))


@people_app.command("erase")
def erase(
    email: Email,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erases the name, email, phone and password hash of the person of this email: every row of
    it in the people store (their account's, their anonymous reports'). Pages then say
    "erased"; their account can never sign in again, and the email may open a new one. The
    events stay as they are; prints what was erased, as JSON."""
    from copro.bootstrap import open_condos
    from copro.cli import load_settings
    from domain.base import Actor

    if not yes:
        typer.confirm("Erase this person's data for good?", abort=True)
    condos = open_condos(load_settings())
    erasure = condos.erase_person(Actor.system(), email=email)
    _print(asdict(erasure))
    if erasure.old_scheme_id:
        typer.echo(
            "note: this account was opened before email claims: its id is a UUIDv5 of the "
            "email and stays in the log, so whoever holds the email can still compute it",
            err=True,
        )


def _print(value: Any) -> None:
    typer.echo(json.dumps(to_jsonable_python(value), ensure_ascii=False, indent=2))
