from odoo.tests import BaseCase, tagged

from ..tools import amount_to_chinese


@tagged("post_install", "-at_install")
class TestAmountToChinese(BaseCase):
    def test_examples(self):
        cases = {
            12345.67: "壹万贰仟叁佰肆拾伍元陆角柒分",
            0: "零元整",
            0.05: "伍分",
            0.5: "伍角整",
            1.5: "壹元伍角整",
            10: "壹拾元整",
            100: "壹佰元整",
            1010: "壹仟零壹拾元整",
            10005.08: "壹万零伍元零捌分",
            100000: "壹拾万元整",
            1000000.01: "壹佰万元零壹分",
            20000000: "贰仟万元整",
            100010001: "壹亿零壹万零壹元整",
            123456789.12: "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            -3: "负叁元整",
        }
        for amount, expected in cases.items():
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese(amount), expected)

    def test_rounding_half_up_to_fen(self):
        self.assertEqual(amount_to_chinese(2.675), "贰元陆角捌分")
        self.assertEqual(amount_to_chinese(0.004), "零元整")
