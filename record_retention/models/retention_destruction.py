"""The one path by which records past their retention period are destroyed.

Models refuse to delete records in some states (a locked sales ledger month, a signed
contract, a sent statement). An approved destruction request must still be able to destroy
them once their retention period is over: the engine opens a destruction pass for exactly
the records it destroys, and the models' own deletion guards let them through::

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if destruction_allowed(self):
            return
        ...

Like the workflow pass, the destruction pass lives in the cache of the database cursor for
the duration of the ``with`` block: only server code opens it, no client reaches it (a
context key sent over RPC would be the caller's to choose).
"""

from collections import Counter
from contextlib import contextmanager

PASS_KEY = "customer_archive.destruction_pass"


@contextmanager
def destruction_pass(records):
    """Let the enclosed code destroy ``records`` past their models' deletion guards."""
    passes = records.env.cr.cache.setdefault(PASS_KEY, Counter())
    keys = [(records._name, id_) for id_ in records._ids]
    passes.update(keys)
    try:
        yield records
    finally:
        passes.subtract(keys)


def destruction_allowed(records):
    """Whether every record of ``records`` is being destroyed by an approved destruction
    request now."""
    passes = records.env.cr.cache.get(PASS_KEY)
    if not passes or not records._ids:
        return False
    return all(passes[(records._name, id_)] > 0 for id_ in records._ids)
