"""The one Jinja environment every writer renders through: autoescaping on, so 'AT&T <Holdings>' stays valid XML."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from converter.resources import templates_dir


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
