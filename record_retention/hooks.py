"""The engine was part of ``customer_archive`` before it became an add-on of its own.

Installed into a database that has ``customer_archive`` already, the add-on takes over the
records it used to create there (models, fields, views, rules, sequences, crons, tiers), so
that they are updated, not created twice, and the data stays: the hook runs before the
add-on's data is loaded, ``customer_archive``'s own upgrade comes after it.
"""

MODELS = (
    "archive_retention_policy",
    "archive_legal_hold",
    "archive_destruction_request",
    "archive_destruction_request_line",
    "archive_destruction_log",
)
ABSTRACT_MODELS = ("retention_target_mixin", "workflow_guard_mixin")
RECORDS = (
    "access_archive_retention_policy_manager",
    "access_archive_legal_hold_manager",
    "access_archive_destruction_request_manager",
    "access_archive_destruction_request_line_manager",
    "access_archive_destruction_log_manager",
    "archive_retention_policy_rule_company",
    "archive_legal_hold_rule_company",
    "archive_destruction_request_rule_company",
    "archive_destruction_request_line_rule_company",
    "archive_destruction_log_rule_company",
    "archive_destruction_request_rule_archive",
    "archive_destruction_request_line_rule_archive",
    "archive_destruction_log_rule_archive",
    "seq_archive_destruction_request",
    "seq_archive_destruction_application",
    "ir_cron_archive_retention_sweep",
    "ir_cron_archive_retention_sweep_ir_actions_server",
    "ir_cron_archive_destruction_execute",
    "ir_cron_archive_destruction_execute_ir_actions_server",
    "tier_destruction_archive",
    "tier_destruction_archive_second",
    "archive_destruction_request_report",
    "report_archive_destruction_certificate",
    "report_archive_destruction_certificate_document",
    "archive_retention_policy_action",
    "archive_legal_hold_action",
    "archive_destruction_request_action",
    "archive_destruction_log_action",
    "archive_retention_policy_view_form",
    "archive_retention_policy_view_list",
    "archive_retention_policy_view_search",
    "archive_legal_hold_view_form",
    "archive_legal_hold_view_list",
    "archive_legal_hold_view_search",
    "archive_destruction_request_view_form",
    "archive_destruction_request_view_list",
    "archive_destruction_request_view_search",
    "archive_destruction_log_view_form",
    "archive_destruction_log_view_list",
    "archive_destruction_log_view_search",
    "constraint_archive_destruction_request_line_record_uniq",
)


def _xmlid_names(cr):
    """The names of the ``customer_archive`` xmlids that are the engine's now."""
    patterns = [f"{kind}_{model}__%" for model in MODELS for kind in ("field", "model_inherit_")]
    patterns += [f"selection__{model}__%" for model in MODELS]
    names = [f"model_{model}" for model in MODELS + ABSTRACT_MODELS] + list(RECORDS)
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = 'customer_archive' "
        "AND (name = ANY(%s) OR name LIKE ANY(%s))",
        [names, patterns],
    )
    return [name for (name,) in cr.fetchall()]


def pre_init_hook(env):
    cr = env.cr
    names = _xmlid_names(cr)
    if not names:
        return  # a new database: nothing to take over
    cr.execute(
        "UPDATE ir_model_data SET module = 'record_retention' "
        "WHERE module = 'customer_archive' AND name = ANY(%s)",
        [names],
    )
    # The tables and constraints of the engine's models are the engine's (an uninstall of
    # customer_archive no longer drops them).
    cr.execute("SELECT id FROM ir_module_module WHERE name = 'record_retention'")
    module_id = cr.fetchone()[0]
    models = [model.replace("_", ".") for model in MODELS]
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            f"UPDATE {table} SET module = %s "  # noqa: S608 - table names of this list
            "WHERE model IN (SELECT id FROM ir_model WHERE model = ANY(%s)) "
            "AND module = (SELECT id FROM ir_module_module WHERE name = 'customer_archive')",
            [module_id, models],
        )


def post_init_hook(env):
    """Requests made before destruction applications existed were all made by a sweep."""
    env.cr.execute(
        """
        UPDATE archive_destruction_request request
           SET request_type = 'sweep', target_model_id = model.id
          FROM ir_model model
         WHERE model.model = request.res_model AND request.policy_id IS NOT NULL
           AND request.target_model_id IS NULL
        """
    )
