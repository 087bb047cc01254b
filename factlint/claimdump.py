"""`factlint claims`: every extracted claim as a record, so an editor can see why two
articles were compared, and a large archive can be grouped by an external engine."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

from factlint import consistency
from factlint.claims import Claims
from factlint.document import Document, document_date
from factlint.entities import Entity
from factlint.numbers import Interval


def _bound(value: float) -> float | None:
    return None if math.isinf(value) else value


def _interval(interval: Interval) -> dict[str, Any]:
    return {
        "low": _bound(interval.low),
        "high": _bound(interval.high),
        "low_open": interval.low_open,
        "high_open": interval.high_open,
    }


def _base(doc: Document, kind: str, start: int, end: int, assertion: str) -> dict[str, Any]:
    line, column, end_line, end_column, text = doc.span(start, end)
    return {
        "path": doc.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "kind": kind,
        "text": text,
        "assertion": assertion,
        "date": document_date(doc),
    }


def records(
    doc: Document, claims: Claims, entities: Mapping[str, Entity]
) -> Iterator[dict[str, Any]]:
    """One record per attribution, succession and quantity, with the key it is grouped by
    (null when it is too vague to compare)."""
    for claim in claims.attributions:
        record = _base(doc, "attribution", claim.start, claim.end, claim.assertion.value)
        owner = consistency.owner_root(claim.owner.entity, entities)
        record.update(
            product=claim.product.entity,
            owner=claim.owner.entity,
            key=["attribution", claim.product.entity],
            value=owner,
            template=claim.template,
        )
        yield record
    for claim in claims.successions:
        record = _base(doc, "succession", claim.start, claim.end, claim.assertion.value)
        newer, older = claim.newer.entity, claim.older.entity
        record.update(
            newer=newer,
            older=older,
            key=["lineage", min(newer, older), max(newer, older)],
            value=newer,
            template=claim.template,
        )
        yield record
    date = document_date(doc)
    keys = consistency.figure_keys(claims, date)
    for claim, key in zip(claims.quantities, keys, strict=True):
        record = _base(doc, "quantity", claim.start, claim.phrase_end, claim.assertion.value)
        record.update(
            value=_interval(claim.number.interval),
            qualifier=claim.number.qualifier,
            unit=claim.number.unit,
            counted=claim.counted,
            concepts=sorted(claim.concepts),
            of=[m.entity for m in claim.of],
            held_in=claim.held_in,
            years=list(claim.years),
            change=claim.change,
            source=claim.source,
            key=None
            if key is None
            else ["figure", *[list(k) if isinstance(k, tuple) else k for k in key]],
        )
        yield record


def format_jsonl(record: Mapping[str, Any]) -> str:
    """One record as a JSON line."""
    return json.dumps(record, ensure_ascii=False)


def format_text(record: Mapping[str, Any]) -> str:
    """One record as a readable line."""
    where = f"{record['path']}:{record['line']}:{record['column']}"
    if record["kind"] == "quantity":
        value = record["value"]
        low = "-inf" if value["low"] is None else f"{value['low']:g}"
        high = "inf" if value["high"] is None else f"{value['high']:g}"
        what = f"{low}..{high} {record['unit'] or ''} counts {record['concepts'] or record['of']}"
    elif record["kind"] == "attribution":
        what = f"{record['product']} → {record['owner']}"
    else:
        what = f"{record['newer']} after {record['older']}"
    key = "not compared" if record["key"] is None else f"key {record['key']}"
    return f"{where}: {record['kind']} “{record['text']}” {what} [{record['assertion']}; {key}]"
