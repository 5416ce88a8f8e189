# The journals whose entries collect a receivable (回款): a payment. Any other entry matched
# with an invoice (a bad debt written off, a netting) is not collected; a credit note is
# netted in the invoiced amount.
PAYMENT_JOURNAL_TYPES = ("bank", "cash", "credit")
