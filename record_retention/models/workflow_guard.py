"""Workflow fields change only through the workflow (SPEC §0, "Rules hold on the server").

A model of the suite inherits ``workflow.guard.mixin`` and declares its guarded fields;
``create`` and ``write`` then refuse them unless the change comes from a workflow method,
which opens a pass for the records it changes::

    with self._workflow_pass():
        self.write({"state": "approved", "approver_id": self.env.uid})

The pass lives in the cache of the database cursor, for the duration of the ``with``
block: server code sets it, no client reaches it (a context key sent over RPC would be the
caller's to choose). Superuser code (``sudo()``, data files, crons run as the superuser)
is trusted and not checked.

Odoo's own models (``res.partner``, ``sale.order``) cannot take the mixin as a new parent
(their fields would be set up twice): they call the functions below from their
``create``/``write`` instead.
"""

from collections import Counter
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import AccessError

PASS_KEY = "customer_archive.workflow_pass"


def is_data_loading(env):
    """Module data loaded by the superuser (install or update), not a user's call."""
    return env.su and (not env.registry.ready or bool(env.context.get("install_mode")))


@contextmanager
def workflow_pass(records, model_wide=False):
    """Let the enclosed code change the guarded fields of ``records`` (of every record of
    their model with ``model_wide``, e.g. for a create)."""
    passes = records.env.cr.cache.setdefault(PASS_KEY, Counter())
    if model_wide:
        keys = [(records._name, None)]
    else:
        keys = [(records._name, id_) for id_ in records._ids]
    passes.update(keys)
    try:
        yield records
    finally:
        passes.subtract(keys)


def workflow_allowed(records):
    """Whether ``records`` may have their guarded fields changed now: superuser code, or
    inside a pass of the workflow."""
    if records.env.su:
        return True
    passes = records.env.cr.cache.get(PASS_KEY)
    if not passes:
        return False
    if passes[(records._name, None)] > 0:
        return True
    return bool(records._ids) and all(passes[(records._name, id_)] > 0 for id_ in records._ids)


def workflow_changed(records, name, value):
    """Whether writing ``value`` in field ``name`` changes any of ``records``."""
    field = records._fields[name]
    if field.type in ("one2many", "many2many"):
        return bool(value)
    try:
        return any(
            field.convert_to_cache(value, record, validate=False)
            != field.convert_to_cache(record[name], record)
            for record in records
        )
    except Exception:  # noqa: BLE001 - a value that does not compare counts as a change
        return True


def workflow_check(records, vals, names):
    """Refuse, outside the workflow, a change of any of ``names`` that ``vals`` would make
    on ``records`` (for models that cannot take the mixin)."""
    if workflow_allowed(records):
        return
    changed = [
        name for name in names if name in vals and workflow_changed(records, name, vals[name])
    ]
    if changed:
        workflow_refuse(records, changed)


def workflow_refuse(records, names):
    """Raise the error of a change of ``names`` outside of the workflow (an
    ``AccessError``, which is a ``UserError``)."""
    env = records.env
    labels = ", ".join(records._fields[name]._description_string(env) for name in names)
    if records:
        raise AccessError(
            env._(
                "%(record)s: %(fields)s can only be changed by its workflow "
                "(the buttons of the form), not by editing or importing the record.",
                record=records[0].display_name,
                fields=labels,
            )
        )
    raise AccessError(
        env._(
            "%(model)s: %(fields)s cannot be set on a new record; the workflow sets them "
            "(the buttons of the form).",
            model=env["ir.model"]._get(records._name).name,
            fields=labels,
        )
    )


class WorkflowGuardMixin(models.AbstractModel):
    _name = "workflow.guard.mixin"
    _description = "Workflow Guard"

    # Fields only the workflow changes; on create only their default (or an empty) value.
    _workflow_fields = ()
    # Fields frozen on the records whose state is one of _workflow_frozen_states.
    _workflow_frozen_fields = ()
    _workflow_frozen_states = ()
    _workflow_state_field = "state"

    def _workflow_pass(self, model_wide=False):
        return workflow_pass(self, model_wide=model_wide)

    def _workflow_code_default(self, name):
        """The default of field ``name`` in the code: not ``default_get``, which a user's own
        defaults (``ir.default``) or the ``default_*`` keys of his context would change."""
        field = self._fields[name]
        return field.convert_to_write(field.default(self), self) if field.default else False

    def _workflow_guarded_fields(self, vals, create=False):
        """Names among ``vals`` that only the workflow may set on ``self``."""
        guarded = [name for name in self._workflow_fields if name in vals]
        if create:
            return [
                name
                for name in guarded
                if vals[name] and vals[name] != self._workflow_code_default(name)
            ]
        names = {name for name in guarded if workflow_changed(self, name, vals[name])}
        frozen = [name for name in self._workflow_frozen_fields if name in vals]
        frozen_records = self._workflow_frozen_records() if frozen else self.browse()
        names.update(name for name in frozen if workflow_changed(frozen_records, name, vals[name]))
        return sorted(names)

    def _workflow_frozen_records(self):
        state = self._workflow_state_field
        return self.filtered(lambda record: record[state] in self._workflow_frozen_states)

    def _workflow_check(self, vals, create=False):
        if workflow_allowed(self):
            return
        names = self._workflow_guarded_fields(vals, create=create)
        if names:
            workflow_refuse(self, names)

    @api.model_create_multi
    def create(self, vals_list):
        if not workflow_allowed(self):
            for vals in vals_list:
                self._workflow_check(vals, create=True)
                # A personal default of a guarded field does not apply: the code's does.
                for name in self._workflow_fields:
                    field = self._fields[name]
                    if name not in vals and field.column_type and not field.compute:
                        vals[name] = self._workflow_code_default(name)
        return super().create(vals_list)

    def write(self, vals):
        self._workflow_check(vals)
        return super().write(vals)
