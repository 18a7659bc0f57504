"""Reader tables to statements: kind, scale, column periods and roles, parsed amounts, row measures."""
from __future__ import annotations

import re
from decimal import Decimal

from converter.model import (Amount, Column, ColumnRole, Measure, Period, Statement, StatementKind, StatementRow,
                             Table, TableRow)
from converter.statements.classify import classify_table, column_role, separate_segments, statement_titles
from converter.text.numbers import YEAR, parse_amount
from converter.statements.periods import (column_period, duration_months, period_from_caption, quarters_as_weeks,
                                          snap_to_fiscal_dates)
from converter.statements.scale import detect_scale, row_scale
from converter.statements.rollforward import date_rolled_forward_rows
from converter.statements.segments import mark_segment_blocks
from converter.text.profiles import profile
from converter.text.quantities import read_label_quantities
from converter.text.vocabulary import vocabulary

_ANNUAL_FORMS = re.compile(r"^10-?K", re.I)


def build_statements(tables: list[Table], form_type: str | None = None) -> list[Statement]:
    """Tables that are statements. Where a filing titles a statement of some kind, untitled tables that merely
    look like one (selected financial data, MD&A summaries) are left out; so are tables with no dated column."""
    default_span = (12, "months") if form_type and _ANNUAL_FORMS.match(form_type) else None
    classified = [(table, found) for table in tables if (found := classify_table(table)) is not None]
    titled = {kind for _, (kind, by_caption) in classified if by_caption}
    built, undated = [], []
    for table, (kind, by_caption) in classified:
        if by_caption or kind not in titled:
            statement = _statement(table, kind, default_span)
            if any(column.period for column in statement.columns):
                built.append((statement, _entity_of(table.caption)))
            elif not profile(kind).instant and default_span is None:
                undated.append((table, statement))
    built += [(statement, _entity_of(table.caption)) for table, statement in undated
              if _date_first_quarter(table, statement, [s for s, _ in built])]
    _mark_other_entities(built)
    statements = _without_summaries([statement for statement, _ in built])
    _grand_totals_equal_to_assets(statements)
    _snap_periods(statements)
    return statements


def _grand_totals_equal_to_assets(statements: list[Statement]) -> None:
    """A balance sheet printed over two pages states total assets on the first; on the second, the unlabeled total
    that equals it is total liabilities and equity, not a larger one above it (equity before a treasury stock
    larger than the liabilities: 'Less treasury stock  11,500' under '18,800')."""
    sheets = [statement for statement in statements if profile(statement.kind).sides]
    assets: dict[Period, Decimal] = {}
    for statement in sheets:
        for row in statement.rows:
            if row.label.strip().lower() == TOTAL_ASSETS.lower():
                assets.update({column.period: amount.value for column, amount in zip(statement.columns, row.amounts)
                               if column.period is not None and amount is not None})

    def equals_assets(statement: Statement, row: StatementRow) -> bool:
        pairs = [(column.period, amount) for column, amount in zip(statement.columns, row.amounts)
                 if column.period in assets]
        return bool(pairs) and all(amount is not None and amount.value == assets[period] for period, amount in pairs)

    for statement in sheets:
        named = [row for row in statement.rows if row.synthesized_label and row.label == TOTAL_LIABILITIES_AND_EQUITY]
        if len(named) != 1 or equals_assets(statement, named[0]):
            continue
        below = statement.rows[statement.rows.index(named[0]) + 1:]
        equal = [row for row in below if row.synthesized_label and equals_assets(statement, row)]
        if equal:
            named[0].label, equal[-1].label = UNNAMED_SUBTOTAL, TOTAL_LIABILITIES_AND_EQUITY


QUARTER_DAYS = range(84, 99)    # three calendar months or 13 weeks


def _date_first_quarter(table: Table, statement: Statement, dated: list[Statement]) -> bool:
    """A quarterly report's flow statement headed by its dates alone ('December 27, 1998') states no span. Where
    the cash-flow statement, which always runs from the fiscal year's start, runs a quarter to that same date, the
    report is a first quarter's: its quarter and its year to date are one period, and every column takes it."""
    year_to_date = {column.period.end: column.period for other in dated if other.kind is StatementKind.CASH_FLOW
                    for column in other.columns if column.period and not column.period.is_instant}
    periods = []
    for index, column in enumerate(statement.columns):
        end = column_period(column.header, True) or period_from_caption(
            column.header, table.caption, True, None, (index, len(statement.columns)))
        if end is None:
            continue
        period = year_to_date.get(end.end)
        if period is None or (period.end - period.start).days + 1 not in QUARTER_DAYS:
            return False
        periods.append((column, period))
    for column, period in periods:
        column.period = period
    return bool(periods)


def _without_summaries(statements: list[Statement]) -> list[Statement]:
    """Without a statement titled as data (selected financial data) where the filing prints a statement of that
    kind, titled otherwise, for a period the summary covers."""
    summary = vocabulary().columns["summary_statement"]
    covered = {(statement.kind, column.period) for statement in statements if not summary.search(statement.title)
               for column in statement.columns if column.period}
    return [statement for statement in statements if not summary.search(statement.title)
            or not any((statement.kind, column.period) in covered for column in statement.columns)]


def _entity_of(caption: list[str]) -> str:
    """'other' for a statement captioned as another entity's, 'condensed' for a condensed one titled without
    'consolidated', 'consolidated' for one titled consolidated, '' for the rest."""
    columns = vocabulary().columns
    if any(columns["other_entity_statement"].search(line) for line in caption):
        return "other"
    title = " ".join(statement_titles(caption))
    if columns["consolidated_statement"].search(title):
        return "consolidated"
    return "condensed" if columns["condensed_statement"].search(title) else ""


def _mark_other_entities(built: list[tuple[Statement, str]]) -> None:
    """Another entity's statement (see _entity_of) is none of the company's figures: no column of it is reported."""
    consolidated: dict[StatementKind, set[Period]] = {}
    for statement, entity in built:
        if entity == "consolidated":
            consolidated.setdefault(statement.kind, set()).update(c.period for c in statement.columns if c.period)
    for statement, entity in built:
        covered = consolidated.get(statement.kind, set())
        if entity == "other" or entity == "condensed" and any(c.period in covered for c in statement.columns):
            for column in statement.columns:
                column.role = ColumnRole.OTHER_ENTITY


def _snap_periods(statements: list[Statement]) -> None:
    """Column periods onto the fiscal dates the filing states anywhere: balance-sheet columns, and the balances
    an equity statement rolls forward ('Balance at September 27, 2008'), which date the years of an income
    statement headed by its years alone; in a 52/53-week filing, quarters ending on a month's end are weeks."""
    columns = [column for statement in statements for column in statement.columns if column.period]
    balances = [row.period for statement in statements for row in statement.rows
                if row.period is not None and row.period.is_instant]
    as_weeks = quarters_as_weeks([column.period for column in columns] + balances)
    for column in columns:
        column.period = as_weeks.get(column.period, column.period)
    moved = snap_to_fiscal_dates([column.period for column in columns], balances)
    for column in columns:
        column.period = moved.get(column.period, column.period)


def _statement(table: Table, kind: StatementKind, default_span: tuple[int, str] | None) -> Statement:
    columns = _columns(table, profile(kind).instant, default_span)
    rows = _rows(table.rows, kind)
    mark_segment_blocks(rows)
    if profile(kind).roll_forward:
        _undate_named_components(columns)
        date_rolled_forward_rows(rows)
        _span_rolled_forward_columns(columns, rows)
    separate_segments(columns)
    # The title as printed; a statement found by its row labels has none, and takes its kind's (the viewer's
    # sections and the extension schema's roles are named by it)
    title = next(iter(statement_titles(table.caption)), profile(kind).title)
    if vocabulary().columns["non_gaap_statement"].search(title) and not any(
            column.role in (ColumnRole.ADJUSTMENT, ColumnRole.NON_GAAP) for column in columns):
        # "Statements of Operations - Pro Forma" without adjustment columns: none of it is the GAAP figures (one
        # printing historical, adjustment and pro forma columns side by side keeps its historical column)
        for column in columns:
            column.role = ColumnRole.NON_GAAP
    if vocabulary().scale_words["other_currency"].search(" ".join(table.caption + table.column_headers)):
        for column in columns:
            column.role = ColumnRole.OTHER_CURRENCY
    return Statement(kind=kind, title=title, columns=columns, rows=rows,
                     scale=detect_scale(table.caption + table.column_headers), source=table.source)


def _span_rolled_forward_columns(columns: list[Column], rows: list[StatementRow]) -> None:
    """Component columns over rows that carry their own periods ('YEAR ENDED DECEMBER 31, 2001' headings) span
    all of them, so that the total column among them is the one reported; each row keeps its own period."""
    spans = [row.period for row in rows if row.period is not None]
    if not spans or any(column.period for column in columns):
        return
    whole = Period(start=min(p.start or p.end for p in spans), end=max(p.end for p in spans))
    for column in columns:
        column.period = whole


def _undate_named_components(columns: list[Column]) -> None:
    """Equity columns headed 'Common Stock', 'Retained Earnings' or a plan named with its year are components:
    a year in one of them dates nothing."""
    named = [c for c in columns if c.period is None and c.header.strip()]
    dated = [c for c in columns if c.period is not None]
    if len(named) >= 2 and len(named) > len(dated):
        for column in dated:
            column.period = None


def _columns(table: Table, instant: bool, default_span: tuple[int, str] | None) -> list[Column]:
    """A column whose header gives a date but no span takes the span of the column before it ('Six Months
    Ended' printed over the first of its two columns), else the one the title states."""
    columns = []
    span = next((found for line in table.caption if (found := duration_months(line))), None) or default_span
    for index, header in enumerate(table.column_headers):
        span = duration_months(header) or span
        period = column_period(header, instant, span) or period_from_caption(
            header, table.caption, instant, span, (index, len(table.column_headers)))
        columns.append(Column(header, column_role(header), period))
    return columns


def _rows(table_rows: list[TableRow], kind: StatementKind) -> list[StatementRow]:
    rows: list[StatementRow] = []
    labeller = _UnlabeledTotals(kind)
    heading = above = ""
    for table_row in table_rows:
        if _FOOTNOTE_TABLE.match(table_row.label) and table_row.is_heading:
            break       # "(1) Stock-based compensation is allocated as follows:" opens a table of its own
        if _repeats_column_headers(table_row):
            continue
        amounts = [parse_amount(cell) for cell in table_row.cells]
        label, synthesized = labeller.label(table_row)
        if table_row.is_heading:
            heading = _heading(heading, label.rstrip(":").strip(), kind)
        elif _DITTO.match(label) and vocabulary().rows["qualifier"].match(label) and _head(above):
            label = f"{_head(above)} {label}"   # '- Diluted' under 'Earnings per share - Basic' repeats its head
        elif heading and (vocabulary().rows["qualifier"].match(label) or _scale_alone(label)):
            label = f"{heading}, {label}"     # 'Basic', '(in thousands)' under the heading they finish
        above = "" if table_row.is_heading else label
        measure = _measure(label, amounts, kind)
        if not table_row.is_heading and measure is Measure.MONETARY and _per_share_section(kind, heading, label):
            measure, label = Measure.PER_SHARE, f"{heading}, {label}"
        rows.append(StatementRow(label=label, amounts=amounts, measure=measure,
                                 source=table_row.source, is_heading=table_row.is_heading,
                                 synthesized_label=synthesized, cell_sources=table_row.cell_sources,
                                 scale=row_scale(label), label_source=table_row.label_source))
    if profile(kind).sides:
        _name_side_totals(rows)
        _name_liability_subtotals(rows)
    return rows


TOTAL_NONCURRENT_LIABILITIES, TOTAL_LIABILITIES = "Total noncurrent liabilities", "Total liabilities"


def _name_liability_subtotals(rows: list[StatementRow]) -> None:
    """An unlabeled subtotal under 'Total current liabilities' adding the lines between them ('Long-term debt',
    'Other') is the total of the noncurrent liabilities; adding the current total too, of all liabilities."""
    current = next((i for i, row in enumerate(rows)
                    if vocabulary().structure["current_liabilities_total"].match(row.label)), None)
    if current is None:
        return
    lines: list[StatementRow] = []
    for row in rows[current + 1:]:
        if row.is_heading or not any(amount is not None for amount in row.amounts):
            continue
        if not (row.synthesized_label and row.label == UNNAMED_SUBTOTAL):
            lines.append(row)
            continue
        sums = [sum((line.printed_value(i) for line in lines), Decimal(0)) for i in range(len(row.amounts))]
        printed = [(i, amount.value) for i, amount in enumerate(row.amounts) if amount is not None]
        if lines and printed and all(sums[i] == value for i, value in printed):
            row.label = TOTAL_NONCURRENT_LIABILITIES
        elif lines and printed and all(sums[i] + rows[current].printed_value(i) == value for i, value in printed):
            row.label = TOTAL_LIABILITIES
        return



TOTAL_ASSETS, TOTAL_LIABILITIES_AND_EQUITY = "Total assets", "Total liabilities and stockholders' equity"
UNNAMED_SUBTOTAL = "Subtotal"


_DITTO = re.compile(r"^\s*[-\u2013\u2014]")


def _head(label: str) -> str:
    """'Earnings per share' of 'Earnings per share - Basic': the line's words before its qualifier."""
    suffix = vocabulary().rows["per_share_suffix"].search(label)
    return label[: suffix.start() + 1].strip() if suffix else ""


def _name_side_totals(rows: list[StatementRow]) -> None:
    """A balance sheet's two grand totals are each its side's largest figure. An unlabeled total named 'Total assets'
    as it came (outside any open section) beside a larger unlabeled total of the same side is a subtotal (net property
    under a heading its label wrapped out of); the largest is the grand total, whatever section it seemed to close."""
    liabilities = vocabulary().structure["liabilities"]
    split = next((i for i, row in enumerate(rows) if liabilities.search(row.label)), len(rows))
    for side, name in ((rows[:split], TOTAL_ASSETS), (rows[split:], TOTAL_LIABILITIES_AND_EQUITY)):
        figures = [row for row in side if any(amount is not None for amount in row.amounts)]
        grand = [row for row in figures if row.synthesized_label and _largest(row, figures)]
        if not grand:
            continue
        side_names = {name, *(f"Total {row.label.rstrip(':').strip().lower()}" for row in side[:1] if row.is_heading)}
        for row in figures:
            if row.synthesized_label and row.label in side_names and row is not grand[-1]:
                row.label = UNNAMED_SUBTOTAL
        grand[-1].label = name


def _largest(total: StatementRow, rows: list[StatementRow]) -> bool:
    return all(amount is None or other is None or amount.value >= abs(other.value)
               for row in rows for amount, other in zip(total.amounts, row.amounts))


def _repeats_column_headers(row: TableRow) -> bool:
    """'Three Months Ended June 30,  2003  2004' printed again inside the table: years, not amounts."""
    cells = [cell.strip() for cell in row.cells if cell.strip()]
    return bool(cells) and all(YEAR.match(cell) for cell in cells) and (
        not row.label.strip() or bool(vocabulary().column_phrase.search(row.label)))


def _measure(label: str, amounts: list[Amount | None], kind: StatementKind) -> Measure:
    printed = [a for a in amounts if a is not None and a.value != 0]
    if printed and all(a.is_percent for a in printed):     # a row of dashes alone is zeros, not percentages
        return Measure.PERCENT
    patterns = vocabulary().rows
    if patterns["share_count"].search(label):
        return Measure.SHARES
    if (patterns["per_share"].search(_FIGURES_ASIDE.sub("", _without_quantities(label)))
            and not patterns["rate_printed"].search(label)):
        return Measure.PER_SHARE     # not "Dividends on common stock ($1.10 per share)": an amount of money
    # The label's head says what the line is: "Common stock, 24,000 shares authorized" is an amount of money; a
    # cash flow moves money ("Common shares purchased"), and so does a change to equity ("Treasury shares reissued").
    if (not profile(kind).moves_money and patterns["shares"].search(_LABEL_HEAD.split(label, maxsplit=1)[0])
            and not patterns["not_shares"].search(label)):
        return Measure.SHARES
    if patterns["per_share_suffix"].search(label):
        return Measure.PER_SHARE
    return Measure.MONETARY


def _heading(previous: str, heading: str, kind: StatementKind) -> str:
    """A 'Basic income' sub-heading under 'Amounts per share:' stays in the per-share section."""
    if (_per_share_section(kind, previous, "") and vocabulary().rows["per_share_subheading"].match(heading)
            and not vocabulary().rows["per_share"].search(heading)):
        return f"{previous.split(', ')[0]}, {heading}"
    return heading


def _without_quantities(label: str) -> str:
    """'Common Stock, par value $1.00 per share (612 and 590 million shares issued)' is an amount of money: its
    'per share' is its par value's."""
    reading = read_label_quantities(label)
    return reading.name if reading.quantities else label


def _scale_alone(label: str) -> bool:
    """'(in thousands)' printed alone on the line of the figures, under the words it qualifies."""
    if row_scale(label) is None:
        return False
    rest = label
    for scale in vocabulary().money_scales:
        rest = scale.pattern.sub("", rest)
    return not re.search(r"[A-Za-z]", rest)


def _per_share_section(kind: StatementKind, heading: str, label: str) -> bool:
    """Under 'Basic earnings per share:' in an income statement, 'Continuing operations' is a per-share line."""
    patterns = vocabulary().rows
    return (profile(kind).per_share_sections and bool(heading) and bool(patterns["per_share"].search(heading))
            and not patterns["par_value"].search(heading) and not patterns["shares"].search(label))


class _UnlabeledTotals:
    """An amount row printed without a label totals the innermost open section: 'Total' + its heading
    ('Inventories:' gives 'Total inventories'). Headings open sections; a 'Total ...' row closes one. In a
    balance sheet, one outside any section is total assets, or total liabilities and equity once liabilities
    have been listed. A heading followed at once by one that opens a section opened nothing ('Commitments and
    contingencies' printed over 'Shareholders' equity:'), unless it ends with a colon itself ('Revenues:' over
    'Insurance and Other:')."""

    def __init__(self, kind: StatementKind):
        self.kind = kind
        self.sections: list[str] = []
        self.liabilities_seen = False
        self.last_heading_unopened = False
        self.closed = ""            # the section an unlabeled total closed just above, while only contras follow
        self.contra_seen = False

    def label(self, row: TableRow) -> tuple[str, bool]:
        if vocabulary().structure["liabilities"].search(row.label):
            self.liabilities_seen = True
        heading = row.label.rstrip(":").strip() if row.is_heading else ""
        if heading and row.label.rstrip().endswith(":") and self.last_heading_unopened and self.sections:
            self.sections.pop()
        # a heading with its colon ('Revenues:') opens a section even when another opens at once inside it
        self.last_heading_unopened = bool(heading) and not row.label.rstrip().endswith(":")
        closed, contra_seen = self.closed, self.contra_seen
        self.closed, self.contra_seen = "", False
        if row.is_heading:
            if heading:
                self.sections.append(heading)
            return row.label, False
        if row.label:
            if closed and vocabulary().structure["contra"].search(row.label):
                self.closed, self.contra_seen = closed, True
            if vocabulary().structure["stated_total"].match(row.label) and self.sections:
                self._close(row.label)
            return row.label, False
        if closed and contra_seen:
            return f"{closed[0].upper()}{closed[1:].lower()}, net", True
        if self.sections:
            self.closed = self.sections.pop()
            return f"Total {self.closed.lower()}", True
        if profile(self.kind).sides:
            if self.liabilities_seen:
                return "Total liabilities and stockholders' equity", True
            return "Total assets", True
        return "", False

    def _close(self, total: str) -> None:
        """'Total current assets' closes the section it names, and any opened inside it and left open (a label
        wrapped like a heading); a total naming no open section closes the innermost."""
        named = _words(total[len("total"):])
        for depth in range(len(self.sections) - 1, -1, -1):
            if named and _words(self.sections[depth]) == named:
                del self.sections[depth:]
                return
        self.sections.pop()


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", text.lower()))


_FOOTNOTE_TABLE = re.compile(r"^\s*\(\d{1,2}\)\s*\S+(?:\s+\S+){4,}")
_FIGURES_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")
_LABEL_HEAD = re.compile(r"[,;(\u2013\u2014]|\s-+\s|--")
