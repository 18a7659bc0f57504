"""Facts to an XBRL 2.1 instance document."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from converter import __version__
from converter.model import Dimensions, Fact, FactSet, Period, Unit, lexical
from converter.writers.naming import OutputNames
from converter.writers.templating import render

_MEASURES = {Unit.USD: ("iso4217:USD", None), Unit.SHARES: ("xbrli:shares", None),
             Unit.USD_PER_SHARE: ("iso4217:USD", "xbrli:shares"), Unit.PURE: ("xbrli:pure", None)}


@dataclass(frozen=True)
class _Context:
    id: str
    period: Period
    dimensions: Dimensions = ()


@dataclass(frozen=True)
class _UnitView:
    id: str
    numerator: str
    denominator: str | None


# What the templates print is handed to them as objects, not dicts: Jinja reads `fact.concept` as an attribute
# first, and on a dict that fails (an exception raised and caught) before the key is tried, for every fact printed.
# Slotted and not frozen: one is made for every fact, read once, and a frozen dataclass takes several times as long
# to make.
@dataclass(slots=True)
class FactView:
    concept: str
    context: str
    value: str
    unit: str | None = None
    decimals: int | None = None


@lru_cache(maxsize=4096)
def context_id(period: Period, dimensions: Dimensions = ()) -> str:
    end = period.end.strftime("%Y%m%d")
    base = f"I{end}" if period.is_instant else f"D{period.start.strftime('%Y%m%d')}_{end}"
    return "_".join([base, *(member.partition(":")[2] for _, member in dimensions)])


def fact_context_id(fact: Fact) -> str:
    return context_id(fact.period, fact.dimensions)


def xbrl_resources(facts: FactSet) -> dict[str, list]:
    """The contexts and units the facts use, as both the instance and the inline document's header write them."""
    contexts = sorted({(f.period, f.dimensions) for f in facts.facts},
                      key=lambda c: (c[0].is_instant, c[0].end, c[0].start or c[0].end, c[1]))
    units = sorted({f.unit for f in facts.facts if f.unit}, key=lambda u: u.value)
    return {"contexts": [_Context(context_id(p, d), p, d) for p, d in contexts],
            "units": [_UnitView(u.value, *_MEASURES[u]) for u in units]}


def render_instance(facts: FactSet, names: OutputNames) -> str:
    fact_views = [FactView(f.concept, fact_context_id(f), lexical(f.value), f.unit.value if f.unit else None,
                           f.decimals) for f in facts.facts]
    return render("instance.xml.j2", version=__version__, source_name=names.source_name,
                  namespaces=facts.namespaces, schema_ref=names.files["schema"], entity=facts.entity,
                  facts=fact_views, **xbrl_resources(facts))
