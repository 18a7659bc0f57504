"""Signs by meaning. A printed amount's sign says how it enters the statement's arithmetic; an XBRL value's sign
says what the concept means. 'Interest expense (130)' added into a net loss is InterestExpense = 130; 'Accumulated
deficit (12,345)' added into equity is RetainedEarningsAccumulatedDeficit = -12345.

Through the sums found in the statement, a row's value is its printed amount times the signs it is summed with,
turned over where its concept's balance is opposite to the balance of the total it ends in. Rows in no sum keep
their printed sign, except an item of the balance opposite to the statement's (a debit expense in an income
statement, a credit payment in a cash-flow statement) printed in parentheses, which they only mark as deducted.
In a statement whose lines print their effect with its sign (a cash-flow statement: the kind's profile says so), a
line printed with both signs across its columns is such an item too: 'Accounts receivable (264) 34' is an
increase of 264 and a decrease of 34, whatever the parentheses would say in an income statement."""
from __future__ import annotations

import re

from converter.statements import Link
from converter.model import StatementKind
from converter.taxonomy import Concept
from converter.text.profiles import profile
from converter.text.vocabulary import vocabulary

NEGATIVE, POSITIVE, MIXED = "negative", "positive", "mixed"     # how a row's amounts are printed across columns
_OPPOSITE = {"credit": "debit", "debit": "credit"}
_FIGURES_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")


class SignResolver:
    def __init__(self, kind: StatementKind, links: dict[int, Link], concepts: dict[int, Concept | None],
                 labels: dict[int, str], printings: dict[int, str]):
        self.kind = kind
        self.profile = profile(kind)
        self.links = links
        self.concepts = concepts
        self.labels = labels
        self.printings = printings
        self.cache: dict[int, int] = {}

    def orientation(self, row: int) -> int:
        """+1 where the XBRL value is the printed amount, -1 where it is the printed amount negated."""
        if row not in self.cache:
            self.cache[row] = self._orientation(row)
        return self.cache[row]

    def _orientation(self, row: int) -> int:
        balance = self._balance(row)
        link = self.links.get(row)
        if link is None:
            return self._unsummed(row)
        path_sign = link.sign
        ancestor = link.parent
        while self._balance(ancestor) is None and ancestor in self.links:
            path_sign *= self.links[ancestor].sign
            ancestor = self.links[ancestor].parent
        ancestor_balance = self._balance(ancestor) or self.profile.natural_balance
        ancestor_orientation = self.orientation(ancestor) if self._balance(ancestor) else 1
        if balance is None or ancestor_balance is None:
            return ancestor_orientation * path_sign
        return ancestor_orientation * path_sign * (1 if balance == ancestor_balance else -1)

    def implied_balance(self, row: int) -> str | None:
        """The balance a concept without one takes from the sum it adds into: the balance of the nearest total above
        it that has one, turned over where the sum subtracts the line: 'Management fees' taken from gross profit is
        an expense, a debit; but a line naming a gain and no loss is a credit wherever it is printed. (A line printed
        in parentheses may be a loss as well as an expense: no turn.)"""
        if row not in self.links:
            return None
        if vocabulary().rows["gain_only"].search(self.labels.get(row, "")):
            return "credit"
        path_sign = self.links[row].sign
        ancestor = self.links[row].parent
        while self._balance(ancestor) is None and ancestor in self.links:
            path_sign *= self.links[ancestor].sign
            ancestor = self.links[ancestor].parent
        balance = self._balance(ancestor) or self.profile.natural_balance
        return balance if path_sign > 0 or balance is None else _OPPOSITE[balance]

    def settle(self, row: int, concept: Concept) -> None:
        """The row's concept with the balance it has now been given: its sign is read again by it."""
        self.concepts[row] = concept
        self.cache.clear()

    def _unsummed(self, row: int) -> int:
        # an aside stating figures says what the amount includes, not which way it goes: 'Preferred dividends (net
        # of tax benefits of $1.6)' is a deduction all the same
        label = _FIGURES_ASIDE.sub("", self.labels.get(row, ""))
        printing = self.printings.get(row, POSITIVE)
        negative = printing == NEGATIVE or (printing == MIXED and self.profile.signed_printing)
        if self._balance(row) == "credit" and not negative and vocabulary().rows["loss_only"].search(label):
            return -1       # "Loss on disposal of property 100" is a gain of -100
        if not negative and self._pays(row) and vocabulary().rows["received_only"].search(label):
            return -1       # "Cash received for income taxes, net 25" is income taxes paid of -25
        # an item of the balance opposite to the statement's own, printed in parentheses, is deducted: an expense
        # in an income statement, a payment in a cash-flow statement
        deducted = self._balance(row) == _OPPOSITE[self.profile.natural_balance or "credit"] and negative
        return -1 if deducted and not vocabulary().rows["may_be_negative"].search(label) else 1

    def _pays(self, row: int) -> bool:
        concept = self.concepts.get(row)
        return concept is not None and bool(vocabulary().rows["payment_concept"].search(concept.name))

    def _balance(self, row: int) -> str | None:
        """The concept's balance, or the statement's own where the statement adds the concept as printed (net
        income in a cash-flow statement is a receipt there, though a credit)."""
        concept = self.concepts.get(row)
        if concept is None:
            return None
        return self.profile.natural_balance if concept.qname in self.profile.adds_as_printed else concept.balance
