"""Each statement as linkbase networks: its concepts in printed order (presentation) and the sums it prints
(calculation), with weights that make the XBRL values add up the way the printed amounts do."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

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
    merged: dict[str, Network] = {}
    # what each merged network holds, as sets: asking its lists would compare every entry so far, for every entry
    held: dict[str, tuple[set[str], set[Summation]]] = {}
    issues = []
    for network in networks:
        target = merged.setdefault(network.root, Network(network.role_id, network.title, network.root))
        concepts, summations = held.setdefault(network.root, (set(), set()))
        for concept in network.concepts:
            if concept not in concepts:
                concepts.add(concept)
                target.concepts.append(concept)
        for summation in network.summations:
            if summation in summations:
                continue
            problem = _conflict(target, summation)
            if problem:
                issues.append(Issue(IssueCode.SUMS_DISAGREE, Severity.NOTE, problem))
            else:
                summations.add(summation)
                target.summations.append(summation)
    return list(merged.values()), issues


def _conflict(network: Network, new: Summation) -> str | None:
    items = {s.item: s.weight for s in network.summations if s.total == new.total}
    if new.item in items:
        return (f"{new.item} enters {new.total} with weight {items[new.item]} in one statement and {new.weight} in "
            "another; the second is not written")
    descendants = _descendants(network, new.item)
    related = descendants | _ancestors(network, new.item)
    if related & set(items) or new.total in descendants:
        return f"{new.item} would count twice in {new.total}; not written"
    return None


def _descendants(network: Network, concept: str) -> set[str]:
    return _reachable(network, concept, lambda s: (s.total, s.item))


def _ancestors(network: Network, concept: str) -> set[str]:
    return _reachable(network, concept, lambda s: (s.item, s.total))


def _reachable(network: Network, concept: str, step: Callable[[Summation], tuple[str, str]]) -> set[str]:
    """Concepts reached from concept by following summations one way (from -> to as step gives them)."""
    following: dict[str, list[str]] = {}      # each concept's next ones, so each step reads only its own
    for source, target in map(step, network.summations):
        following.setdefault(source, []).append(target)
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
