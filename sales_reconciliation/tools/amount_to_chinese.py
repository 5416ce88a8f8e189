"""Chinese capital amount (人民币大写) as written on cheques, invoices and statements."""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")


def _group_to_chinese(group):
    """Write 1..9999 with 拾/佰/仟, one 零 for each run of inner zeros."""
    text = ""
    zero_pending = False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += DIGITS[0]
            zero_pending = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def amount_to_chinese(amount):
    """Return the amount in Chinese capital characters, e.g.

    ``12345.67`` → ``壹万贰仟叁佰肆拾伍元陆角柒分``, ``100`` → ``壹佰元整``,
    ``10005.08`` → ``壹万零伍元零捌分``, ``-3`` → ``负叁元整``.
    The amount is rounded half-up to the fen (0.01).
    """
    cents = int(Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    sign = "负" if cents < 0 else ""
    cents = abs(cents)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if yuan >= 10**16:
        raise ValueError(f"Amount too large for a Chinese capital amount: {amount}")

    integer = ""
    groups = []
    rest = yuan
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            zero_pending = bool(integer)
            continue
        if integer and (zero_pending or group < 1000):
            integer += DIGITS[0]
        zero_pending = False
        integer += _group_to_chinese(group) + GROUP_UNITS[index]

    if not yuan and not jiao and not fen:
        return "零元整"
    text = integer + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += DIGITS[0]
    if fen:
        text += DIGITS[fen] + "分"
    else:
        text += "整"
    return sign + text
