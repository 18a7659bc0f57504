"""The one Jinja environment every writer renders through: autoescaping on, so 'AT&T <Holdings>' stays valid XML."""
from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from converter.resources import templates_dir


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True, finalize=_xml_characters)


XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_characters(value: object) -> object:
    """Every value a template prints holds only characters XML allows (a filing's text may carry control codes)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return XML_INVALID.sub(" ", value)
    return value


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
