import copy

from lxml import etree
from lxml import html as lxml_html

from odoo import models

from ..tools import wkhtmltopdf_is_reduced

PAGE_COUNTERS = {"page", "topage"}


def _classes(node):
    return set((node.get("class") or "").split())


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """The reduced wkhtmltopdf renders one input document per run and writes no outlines,
        so Odoo's single run for several records gives an empty file: render them one by one;
        Odoo merges the streams per record as it does for attachments."""
        if (
            not res_ids
            or len(res_ids) == 1
            or len(set(res_ids)) != len(res_ids)
            or not wkhtmltopdf_is_reduced()
        ):
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        streams = {}
        for res_id in res_ids:
            streams.update(
                super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=[res_id])
            )
        streams.pop(False, None)
        return streams

    def _prepare_html(self, html, report_model=False):
        """The reduced wkhtmltopdf draws no header or footer: carry the company header at the
        top and the footer (company contacts) at the end of each document's body instead."""
        if not wkhtmltopdf_is_reduced():
            return super()._prepare_html(html, report_model=report_model)
        root = lxml_html.fromstring(html, parser=lxml_html.HTMLParser(encoding="utf-8"))
        for article in root.xpath("//div[contains(@class, 'article')]"):
            if "article" not in _classes(article):
                continue
            header, footer = article.getprevious(), article.getnext()
            if header is not None and "header" in _classes(header):
                article.insert(0, self._layout_part_in_body(header, "header"))
            if footer is not None and "footer" in _classes(footer):
                article.append(self._layout_part_in_body(footer, "footer"))
        return super()._prepare_html(etree.tostring(root, encoding="utf-8"), report_model)

    def _layout_part_in_body(self, node, part):
        """A copy of the layout's header or footer to place in the body: no longer classed as
        one (Odoo would take it out again), without the page counters only a header fills."""
        node = copy.deepcopy(node)
        node.set("class", " ".join(sorted(_classes(node) - {part})) + f" o_body_{part}")
        counters = [span for span in node.xpath(".//span") if _classes(span) & PAGE_COUNTERS]
        for holder in dict.fromkeys(span.getparent() for span in counters):
            if holder is not node and all(child in counters for child in holder):
                holder.getparent().remove(holder)
            else:
                for span in [child for child in holder if child in counters]:
                    holder.remove(span)
        return node
