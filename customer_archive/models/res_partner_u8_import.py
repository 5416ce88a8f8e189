"""The U8 customer file (U8 客户档案) imported with Odoo's own import (base_import).

The template's columns are U8's field names (客户编码, 客户名称, 客户简称, 所属分类, 税号, 开户银行,
银行账号 …); the suite ships their mapping to the customer's fields as saved import mappings
(data/base_import_mapping_data.xml), so the import dialog maps them in any language. Imported
customers get their code and dossier like every customer (res_partner_customer_file.py)."""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import file_open

U8_TEMPLATE = "customer_archive/static/xls/u8_customer_archive.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "date_format": "",
    "datetime_format": "",
    # The customer's bank (开户银行) is created when the bank list does not have it yet.
    "name_create_enabled_fields": {"bank_ids/bank_id": True},
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for U8 Customer File"),
                "template": f"/{U8_TEMPLATE}",
            },
            *super().get_import_templates(),
        ]

    @api.model
    def _import_u8_template(self, content=None):
        """Import a U8 客户档案 sheet through base_import as the import dialog does (its
        suggested mapping, banks created when missing); by default the template with its
        sample customers (the demo). Returns the imported customers."""
        if content is None:
            with file_open(U8_TEMPLATE, "rb") as template:
                content = template.read()
        importer = self.env["base_import.import"].create(
            {"res_model": self._name, "file": content, "file_name": "u8.xlsx", "file_type": XLSX}
        )
        preview = importer.parse_preview(dict(IMPORT_OPTIONS))
        if preview.get("error"):
            raise UserError(preview["error"])
        matches = preview["matches"] or {}
        fields = [
            "/".join(matches[index]) if index in matches else False
            for index in range(len(preview["headers"]))
        ]
        result = importer.execute_import(fields, preview["headers"], dict(IMPORT_OPTIONS))
        errors = [
            message["message"] for message in result["messages"] if message["type"] == "error"
        ]
        if errors:
            raise UserError("\n".join(errors))
        return self.browse(result["ids"])
