"""Cover page and SEC header to dei facts, normalised to the codes the dei types require."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from converter.model import CoverPage, Fact, FilingHeader, Period
from converter.text.maps import read_table

_ZIP = re.compile(r"\b(\d{5}(?:-\d{4})?)\s*$")
_PHONE = re.compile(r"\(?(\d{3})\)?[\s.-]*(\d{3}[\s.-]\d{4})")
_TAX_ID = re.compile(r"^\d{2}-\d{7}$")
_FILE_NUMBER = re.compile(r"^[0-9]{1,3}-[0-9]{1,8}$")


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    rows = [row for _, row in read_table("states.csv", ("name", "code"), ",")]
    codes = {row["name"].lower(): row["code"] for row in rows}
    codes.update({row["code"].lower(): row["code"] for row in rows})
    return codes


def state_code(text: str | None) -> str | None:
    if not text:
        return None
    return _states().get(" ".join(re.sub(r"[^A-Za-z ]", " ", text).split()).lower())


def document_date(cover: CoverPage, header: FilingHeader) -> date | None:
    return cover.report_date or header.period_of_report


def cover_facts(cover: CoverPage, header: FilingHeader, period: Period, cik: str | None) -> list[Fact]:
    values: dict[str, str | None] = {
        "DocumentType": cover.document_type or header.form_type,
        "DocumentPeriodEndDate": _iso(document_date(cover, header)),
        "EntityRegistrantName": cover.registrant_name or header.company_name,
        "EntityCentralIndexKey": cik,
        "EntityFileNumber": cover.file_number if cover.file_number and _FILE_NUMBER.match(cover.file_number) else None,
        "EntityIncorporationStateCountryCode": state_code(cover.incorporation_state or header.state_of_incorporation),
        "EntityTaxIdentificationNumber": cover.tax_id if cover.tax_id and _TAX_ID.match(cover.tax_id) else None,
    }
    values.update(_address(cover.address))
    values.update(_phone(cover.phone))
    return [Fact(concept=f"dei:{name}", value=value, period=period)
            for name, value in values.items() if value]


def _address(text: str | None) -> dict[str, str | None]:
    """'100 MAIN STREET, SPRINGFIELD, ILLINOIS 62701' -> line 1, city, state code, ZIP code."""
    if not text:
        return {}
    zip_match = _ZIP.search(text)
    rest = text[: zip_match.start()].strip(" ,") if zip_match else text
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    state = None
    if parts:
        last_words = parts[-1].split()
        for size in (3, 2, 1):
            candidate = state_code(" ".join(last_words[-size:])) if len(last_words) >= size else None
            if candidate:
                state = candidate
                remainder = " ".join(last_words[:-size])
                parts = parts[:-1] + ([remainder] if remainder else [])
                break
    if state is None or len(parts) < 2:
        return {"EntityAddressPostalZipCode": zip_match.group(1) if zip_match else None}
    return {"EntityAddressAddressLine1": ", ".join(parts[:-1]), "EntityAddressCityOrTown": parts[-1],
            "EntityAddressStateOrProvince": state,
            "EntityAddressPostalZipCode": zip_match.group(1) if zip_match else None}


def _phone(text: str | None) -> dict[str, str | None]:
    match = _PHONE.search(text or "")
    if not match:
        return {}
    return {"CityAreaCode": match.group(1), "LocalPhoneNumber": re.sub(r"[\s.]", "-", match.group(2))}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
