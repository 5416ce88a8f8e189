from odoo import api, fields, models


class DocumentNumberMixin(models.AbstractModel):
    """Numbers a document from its sequence when it is created without a number: per company
    (the document's, else the user's) and, when the model names one, at the document's date."""

    _name = "document.number.mixin"
    _description = "Document Numbered by a Sequence"
    _sequence_code = None
    _sequence_date_field = None

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self._next_document_number(vals)
        return super().create(vals_list)

    @api.model
    def _next_document_number(self, vals):
        company = self.env["res.company"].browse(vals.get("company_id")).exists()
        date = vals.get(self._sequence_date_field) if self._sequence_date_field else None
        return (
            self.env["ir.sequence"]
            .with_company(company or self.env.company)
            .next_by_code(
                self._sequence_code,
                sequence_date=fields.Datetime.to_datetime(date) if date else None,
            )
            or "/"
        )
