"""Use cases: one function per thing a user does, the only room where the rules and the store
meet. Each takes the store and parsed values, reads and writes in the caller's transaction,
and returns a result record for ``render/`` to word; nothing here prints or parses what was
typed (``commands/`` does both, around one use case)."""
