"""Random but valid histories of commands, for the property tests."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from hypothesis import strategies as st

from domain.building import Building
from domain.equipment import Category, Equipment, Status

# A few known ids, so that housing and releasing meet the same equipment.
EQUIPMENT_POOL = [UUID(int=n) for n in range(1, 5)]

Command = tuple[str, dict[str, Any]]

names = st.text(min_size=1, max_size=30)
notes = st.none() | st.text(max_size=60)
orders = st.integers(min_value=-1000, max_value=1000)

equipment_changes = st.fixed_dictionaries(
    {},
    optional={
        "name": names,
        "code": st.none() | st.from_regex(r"[A-Z]{3}-[A-Z]-[0-9]{2}", fullmatch=True),
        "category": st.sampled_from([c.value for c in Category]),
        "location": st.none() | st.text(max_size=30),
        "order": orders,
    },
).filter(bool)

equipment_commands: st.SearchStrategy[Command] = st.one_of(
    st.tuples(
        st.just("set_status"),
        st.fixed_dictionaries(
            {"status": st.sampled_from([s.value for s in Status]), "note": notes}
        ),
    ),
    st.tuples(st.just("edit"), st.fixed_dictionaries({"changes": equipment_changes})),
    st.tuples(st.just("move"), st.fixed_dictionaries({"building_id": st.uuids()})),
)

STATUSES = {s.value for s in Status}
CATEGORIES = {c.value for c in Category}

# Commands any piece of equipment must refuse for a bad value.
refused_equipment_commands: st.SearchStrategy[Command] = st.one_of(
    st.tuples(
        st.just("set_status"),
        st.fixed_dictionaries(
            {"status": st.text().filter(lambda s: s not in STATUSES), "note": st.none()}
        ),
    ),
    st.tuples(
        st.just("edit"),
        st.fixed_dictionaries(
            {
                "changes": st.fixed_dictionaries(
                    {"name": st.text(), "category": st.text().filter(lambda c: c not in CATEGORIES)}
                )
            }
        ),
    ),
)

# Commands a retired piece of equipment must refuse, valid or not.
any_equipment_command: st.SearchStrategy[Command] = st.one_of(
    equipment_commands,
    st.tuples(st.just("set_status"), st.fixed_dictionaries({"status": st.text(), "note": notes})),
    st.tuples(
        st.just("edit"),
        st.fixed_dictionaries({"changes": st.fixed_dictionaries({"category": st.text()})}),
    ),
    st.just(("retire", {})),
)

building_commands: st.SearchStrategy[Command] = st.one_of(
    st.tuples(st.just("rename"), st.fixed_dictionaries({"name": names})),
    st.tuples(st.just("describe"), st.fixed_dictionaries({"description": st.text(max_size=80)})),
    st.tuples(st.just("reorder"), st.fixed_dictionaries({"order": orders})),
    st.tuples(
        st.just("house"), st.fixed_dictionaries({"equipment_id": st.sampled_from(EQUIPMENT_POOL)})
    ),
    st.tuples(
        st.just("release"), st.fixed_dictionaries({"equipment_id": st.sampled_from(EQUIPMENT_POOL)})
    ),
)


@st.composite
def equipment_installations(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "copro_id": draw(st.uuids()),
        "building_id": draw(st.uuids()),
        "name": draw(names),
        "code": draw(st.none() | st.just("ASC-A-01")),
        "category": draw(st.sampled_from([c.value for c in Category])),
        "location": draw(st.none() | st.text(max_size=30)),
        "order": draw(orders),
    }


def run(aggregate: Equipment | Building, command: Command) -> None:
    name, kwargs = command
    getattr(aggregate, name)(**kwargs)
