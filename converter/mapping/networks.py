"""Each statement as linkbase networks: its concepts in printed order (presentation) and the sums it prints
(calculation), with weights that make the XBRL values add up the way the printed amounts do."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from converter.mapping.signs import SignResolver
from converter.statements import Link
from converter.model import Issue, IssueCode, Network, Severity, Statement, Summation
from converter.text.profiles import profile
from converter.taxonomy import Concept, Taxonomy


@dataclass
class StatementStructure:
    network: Network
    issues: list[Issue]
    confirmed: set[int]           # rows whose concept and sign a us-gaap calculation confirms


def build_network(statement: Statement, concepts: dict[int, Concept], links: dict[int, Link], signs: SignResolver,
                  taxonomy: Taxonomy, parts: set[int] = frozenset()) -> StatementStructure:
    """parts: rows stating a part of the company (a segment's line, a product line), whose sums hold in their own
    contexts: neither they nor a company total made of them enter the calculation linkbase."""
    settings = profile(statement.kind)
    title = statement.title or settings.title
    network = Network(role_id=settings.root.partition(":")[2].removesuffix("Abstract"), title=title, root=settings.root)
    for row in sorted(concepts):
        if concepts[row].qname not in network.concepts:
            network.concepts.append(concepts[row].qname)
    structure = StatementStructure(network, [], set())
    ambiguous = _repeated({row: concept for row, concept in concepts.items() if row not in parts})
    totals_of_parts = {link.parent for child, link in links.items() if child in parts}
    for child, link in sorted(links.items()):
        if child in parts or link.parent in parts or link.parent in totals_of_parts:
            continue
        total, item = concepts.get(link.parent), concepts.get(child)
        if total is None or item is None or total.qname in ambiguous or item.qname in ambiguous:
            continue
        weight = signs.orientation(link.parent) * link.sign * signs.orientation(child)
        problem = _unsound(total, item, weight)
        if problem:
            structure.issues.append(Issue(
                IssueCode.SUM_NOT_WRITTEN, Severity.NOTE,
                f"{statement.rows[link.parent].label!r} = ... {statement.rows[child].label!r}: {problem}; "
                "not written to the calculation linkbase", statement.rows[link.parent].source))
            continue
        network.summations.append(Summation(total.qname, item.qname, weight))
        if taxonomy.networks.summations.get((total.qname, item.qname)) == weight:
            structure.confirmed.add(child)
    return structure


def merge_networks(networks: list[Network]) -> tuple[list[Network], list[Issue]]:
    """One network per statement kind, as filers present them: calculations hold in every context, so a total's
    items printed in one statement (a line another statement's periods lack) complete the same total elsewhere.
    An item already counted through another item of the same total is not added twice."""
    merged: dict[str, _MergedNetwork] = {}
    issues = []
    for network in networks:
        target = merged.setdefault(network.root, _MergedNetwork(Network(network.role_id, network.title, network.root)))
        for concept in network.concepts:
            target.add_concept(concept)
        for summation in network.summations:
            if summation in target.summations:
                continue
            problem = target.conflict(summation)
            if problem:
                issues.append(Issue(IssueCode.SUMS_DISAGREE, Severity.NOTE, problem))
            else:
                target.add_summation(summation)
    return [target.network for target in merged.values()], issues


class _MergedNetwork:
    """A network being merged, with what it holds kept as sets and its sums as links both ways: asking the lists
    would read every entry so far for every entry added."""

    def __init__(self, network: Network):
        self.network = network
        self.concepts: set[str] = set()
        self.summations: set[Summation] = set()
        self.items: dict[str, dict[str, int]] = {}       # total -> its items' weights
        self.totals: dict[str, list[str]] = {}           # item -> the totals it enters

    def add_concept(self, concept: str) -> None:
        if concept not in self.concepts:
            self.concepts.add(concept)
            self.network.concepts.append(concept)

    def add_summation(self, summation: Summation) -> None:
        self.summations.add(summation)
        self.network.summations.append(summation)
        self.items.setdefault(summation.total, {})[summation.item] = summation.weight
        self.totals.setdefault(summation.item, []).append(summation.total)

    def conflict(self, new: Summation) -> str | None:
        items = self.items.get(new.total, {})
        if new.item in items:
            return (f"{new.item} enters {new.total} with weight {items[new.item]} in one statement and {new.weight} "
                    "in another; the second is not written")
        descendants = _reachable(new.item, self.items)
        related = descendants | _reachable(new.item, self.totals)
        if related & set(items) or new.total in descendants:
            return f"{new.item} would count twice in {new.total}; not written"
        return None


def _reachable(concept: str, following: dict[str, Iterable[str]]) -> set[str]:
    """Concepts reached from concept by following the links one way (each concept's next ones)."""
    found: set[str] = set()
    frontier = [concept]
    while frontier:
        for target in following.get(frontier.pop(), ()):
            if target not in found:
                found.add(target)
                frontier.append(target)
    return found


def _repeated(concepts: dict[int, Concept]) -> set[str]:
    seen: set[str] = set()
    repeated = set()
    for concept in concepts.values():
        (repeated if concept.qname in seen else seen).add(concept.qname)
    return repeated


def _unsound(total: Concept, item: Concept, weight: int) -> str | None:
    if total.qname == item.qname:
        return "a total cannot sum into itself"
    if total.period_type != item.period_type:
        return "a balance and a flow do not sum in one context"
    if total.balance and item.balance and (total.balance == item.balance) != (weight > 0):
        return f"weight {weight} contradicts balances {total.balance}/{item.balance}"
    return None
