"""Tamper evidence of the event log: hash chains written with the events, signed heads, and
the walks that verify them.

What is hashed (`chain`): each stored event's stream id (its 16 bytes), version, topic and state
bytes exactly as stored — the library's mapper writes the event's timestamp into the state
(`{"timestamp": {"_type_": "datetime_iso", …}, …}`), so the state's bytes cover it. Its
`stream_hash` chains it to the previous event of its stream; its `log_hash` chains that to the
previous entry of the whole log, in position order, with its position.

Where (`recording`): a table of our own beside the events, `event_hashes(notification_id,
originator_id, originator_version, stream_hash, log_hash)`, written by the recorder subclasses in
the transaction that inserts the events while the library's insert lock is held. A table rather
than columns of the library's: its events table and its rows stay the library's own, a store
from before is upgraded by filling a new table rather than rewriting a large one, and a hash row
outlives the deletion of its event, which is how a removed event is named.

Who reads them: `log` (the store, in a read-only snapshot), `verify` (the walks), `head` (the
platform's Ed25519 key and signed heads), `exported` (a JSON Lines export on its own).
"""
