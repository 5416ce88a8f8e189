import base64
import binascii
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError

# Accepted spellings of the type column.
DAY_TYPES = {
    "holiday": "holiday",
    "休": "holiday",
    "假": "holiday",
    "放假": "holiday",
    "workday": "workday",
    "班": "workday",
    "上班": "workday",
    "调休": "workday",
}


class ResourcePublicHolidayImport(models.TransientModel):
    """Yearly import of the State Council's holiday schedule from a CSV file:
    one line per day, ``date,type,name`` (``2027-01-01,holiday,元旦``); the type is
    ``holiday`` (休) or ``workday`` (班, a make-up workday); a header line is allowed."""

    _name = "resource.public.holiday.import"
    _description = "Import the Holiday Schedule"

    file = fields.Binary(string="CSV File", required=True)
    filename = fields.Char()
    replace_years = fields.Boolean(
        string="Replace the Years of the File",
        default=True,
        help="Remove the days of the years in the file that the file does not list.",
    )

    def _parse(self):
        self.ensure_one()
        try:
            raw = base64.b64decode(self.file or b"")
            text = raw.decode("utf-8-sig")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise UserError(self.env._("The file must be a CSV file in UTF-8.")) from error
        values = {}
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if number == 1 and cells[0].lower() == "date":
                continue
            if len(cells) < 3 or not cells[2]:
                raise UserError(self.env._("Line %(line)s: expected date,type,name.", line=number))
            try:
                day = fields.Date.to_date(cells[0])
            except ValueError:
                day = None
            day_type = DAY_TYPES.get(cells[1].lower())
            if not day or not day_type:
                raise UserError(
                    self.env._(
                        "Line %(line)s: %(date)s is not a date (YYYY-MM-DD) or %(type)s is "
                        "neither holiday nor workday.",
                        line=number,
                        date=cells[0],
                        type=cells[1],
                    )
                )
            if day in values:
                raise UserError(
                    self.env._("Line %(line)s: %(date)s is listed twice.", line=number, date=day)
                )
            if day_type == "workday" and day.weekday() < 5:
                raise UserError(
                    self.env._(
                        "Line %(line)s: %(date)s is a weekday, not a make-up workday.",
                        line=number,
                        date=day,
                    )
                )
            values[day] = {"date": day, "day_type": day_type, "name": cells[2]}
        if not values:
            raise UserError(self.env._("The file lists no day."))
        return values

    def action_import(self):
        self.ensure_one()
        values = self._parse()
        Holiday = self.env["resource.public.holiday"].with_context(resource_workday_no_recount=True)
        years = sorted({day.year for day in values})
        existing = Holiday.search(
            [("date", ">=", f"{years[0]}-01-01"), ("date", "<=", f"{years[-1]}-12-31")]
        )
        if self.replace_years:
            existing.filtered(lambda day: day.year in years and day.date not in values).unlink()
        existing = existing.exists()
        by_date = {day.date: day for day in existing}
        to_create = []
        for day, vals in values.items():
            record = by_date.get(day)
            if record:
                if (record.day_type, record.name) != (vals["day_type"], vals["name"]):
                    record.write(vals)
            else:
                to_create.append(vals)
        Holiday.create(to_create)
        # Deadlines counted in working days are recounted once for the whole file.
        Holiday.with_context(resource_workday_no_recount=False)._schedule_changed()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "resource_workday_cn.resource_public_holiday_action"
        )
        action["domain"] = [("year", "in", years)]
        return action
