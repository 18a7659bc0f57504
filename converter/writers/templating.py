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
# The ASCII ones of the same characters, for str.translate.
_ASCII_XML_INVALID = {code: " " for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def xml_characters(text: str) -> str:
    """The text with each character XML cannot hold made a space. Most texts have none: a printable one (no control
    character) is returned as it is; a page of ASCII text is translated, several times quicker there than the
    pattern's substitution."""
    if text.isprintable():
        return text
    if text.isascii():
        return text.translate(_ASCII_XML_INVALID)
    return XML_INVALID.sub(" ", text)


def _xml_characters(value: object) -> object:
    """Every value a template prints holds only characters XML allows (a filing's text may carry control codes)."""
    if type(value) is str:      # nearly every value: asked first, in the fewest steps
        return xml_characters(value)
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    # as a plain string: a str enum's member prints its value, not its name
    return xml_characters(str.__str__(value))


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
