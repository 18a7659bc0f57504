"""The typed model every stage speaks: readers produce `Filing`s of `Table`s, the statements stage turns tables
into `Statement`s, mapping turns statements into `Fact`s, writers render facts."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum


Dimensions = tuple[tuple[str, str], ...]     # a fact's (axis, member) qnames: the part of the company it states


def lexical(value: Decimal | str) -> str:
    """A fact value as XBRL text: plain digits, never an exponent."""
    return format(value, "f") if isinstance(value, Decimal) else value


class ConversionError(Exception):
    """A filing that cannot be converted; the message is the one-line reason shown to the user."""


class UsageError(ConversionError):
    """What the user asked for cannot be done as given (an option's value, its file, the output folder): judged
    before any filing is read, so the command line reports it as a usage error (exit 2)."""


@dataclass(frozen=True)
class SourceRef:
    """Where something stands in the input: document name, 1-based line, 0-based column. In HTML documents,
    `element` is the position of the table cell or <pre> in document order among `td`, `th` and `pre` elements
    (see readers.html_tables.locatable_elements), so that a writer can find the printed figure again."""
    document: str
    line: int
    column: int = 0
    element: int | None = None
    lines: int = 1            # how many lines the text runs over from `line` (a label wrapped over several)


# --- what readers produce -------------------------------------------------------------------------------------

@dataclass
class TableRow:
    label: str
    cells: list[str]          # one raw cell text per table column, "" where the row has no value
    source: SourceRef
    cell_sources: list[SourceRef | None] = field(default_factory=list)
    label_source: SourceRef | None = None    # where the label is printed (its cell in HTML), where it is known

    @property
    def is_heading(self) -> bool:
        return not any(self.cells)


@dataclass
class Table:
    caption: list[str]        # title lines above the table: company, statement title, scale, "(unaudited)"
    column_headers: list[str]  # one header text per column, its header lines joined top to bottom
    rows: list[TableRow]
    source: SourceRef


@dataclass
class Document:
    """One document of a filing (the whole file when there is no SGML wrapper)."""
    name: str
    type: str
    text: str
    description: str = ""
    is_html: bool = False
    # the one HTML parse of the text (converter.text.html.document_tree), shared by the readers and the inline writer
    parsed: tuple | None = field(default=None, repr=False, compare=False)


@dataclass
class CoverPage:
    """What the cover page states, as printed (normalisation to dei codes is mapping's job)."""
    registrant_name: str | None = None
    document_type: str | None = None
    report_date: date | None = None
    file_number: str | None = None
    incorporation_state: str | None = None
    tax_id: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass
class FilingHeader:
    """Fields of an EDGAR SEC header, when the input has one."""
    cik: str | None = None
    company_name: str | None = None
    form_type: str | None = None
    period_of_report: date | None = None
    filed_date: date | None = None
    accession: str | None = None
    state_of_incorporation: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ScheduleValue:
    """One tagged line of an EX-27 Financial Data Schedule: '<TOTAL-ASSETS>  12,345'."""
    tag: str
    text: str                  # the value as printed, without footnote marks
    value: Decimal | None      # None where blank or unreadable
    places: int
    source: SourceRef


@dataclass
class FinancialDataSchedule:
    """An EX-27 schedule (1993-2001): the filer's own machine-readable summary of its statements."""
    document: str
    article: str                   # "5" commercial, "7" insurance, "9" bank holding, "UT", "BD", ...
    multiplier: int
    period_type: str | None        # "YEAR", "12-MOS", "9-MOS", "3-MOS", ...
    fiscal_year_end: date | None
    period_start: date | None
    period_end: date | None
    restated: bool = False
    flawed: bool = False
    values: list[ScheduleValue] = field(default_factory=list)


@dataclass
class Filing:
    source: str
    header: FilingHeader
    documents: list[Document]
    tables: list[Table]
    cover: CoverPage
    schedules: list[FinancialDataSchedule] = field(default_factory=list)

    @property
    def form_type(self) -> str | None:
        """The SEC header's form type, else the one the cover page states."""
        return self.header.form_type or self.cover.document_type


# --- what the statements stage produces -----------------------------------------------------------------------

class StatementKind(str, Enum):
    BALANCE_SHEET = "balance_sheet"
    INCOME = "income_statement"
    COMPREHENSIVE_INCOME = "comprehensive_income"
    CASH_FLOW = "cash_flow"
    EQUITY = "stockholders_equity"


class ColumnRole(str, Enum):
    REPORTED = "reported"          # the company's GAAP figures: the only ones tagged as us-gaap facts
    ADJUSTMENT = "adjustment"
    NON_GAAP = "non_gaap"
    CHANGE = "change"              # "% change", "increase (decrease)"
    SUPERSEDED = "superseded"      # "as previously reported", beside the restated figures
    SEGMENT = "segment"            # one of several columns for the same period: a segment, entity or component
    OTHER_CURRENCY = "other_currency"   # a statement "expressed in Canadian dollars": only US dollars are written
    OTHER_ENTITY = "other_entity"  # another entity's statement beside the consolidated one: the parent company alone


class Measure(str, Enum):
    MONETARY = "monetary"
    SHARES = "shares"
    PER_SHARE = "per_share"
    PERCENT = "percent"


@dataclass(frozen=True)
class Period:
    end: date
    start: date | None = None     # None for an instant

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def __str__(self) -> str:
        return self.end.isoformat() if self.start is None else f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True)
class Amount:
    """A printed number: its signed value before scaling and how many decimal places it was printed with."""
    value: Decimal
    places: int
    is_percent: bool = False


@dataclass
class Column:
    header: str
    role: ColumnRole
    period: Period | None


@dataclass
class StatementRow:
    label: str
    amounts: list[Amount | None]
    measure: Measure
    source: SourceRef
    is_heading: bool = False
    synthesized_label: bool = False   # an unlabeled total whose label was derived from its section
    cell_sources: list[SourceRef | None] = field(default_factory=list)
    segment: str | None = None        # the business segment whose block of lines this row stands in, as printed
    period: Period | None = None      # a roll-forward row's own period, where the statement dates rows, not columns
    scale: int | None = None          # the power of ten its own label states ('(in thousands)'), over the caption's
    label_source: SourceRef | None = None   # where the label is printed: the facts it prints stand there

    def printed_value(self, column: int) -> Decimal:
        """The value printed in the column, zero where nothing is (a blank adds nothing to a sum)."""
        amount = self.amounts[column] if column < len(self.amounts) else None
        return amount.value if amount is not None else Decimal(0)


@dataclass(frozen=True)
class Scale:
    """Powers of ten that printed money and share counts are multiplied by."""
    money: int = 0
    shares: int = 0
    stated: bool = False       # a caption or header names the scale; else amounts are read as whole dollars


@dataclass
class Statement:
    kind: StatementKind
    title: str
    columns: list[Column]
    rows: list[StatementRow]
    scale: Scale
    source: SourceRef


# --- what mapping produces ------------------------------------------------------------------------------------

class Unit(str, Enum):
    USD = "USD"
    SHARES = "shares"
    USD_PER_SHARE = "USDPerShare"
    PURE = "pure"


@dataclass(frozen=True)
class Fact:
    concept: str                   # prefixed name, "us-gaap:Assets"
    value: Decimal | str
    period: Period
    unit: Unit | None = None       # None for non-numeric facts
    decimals: int | None = None
    source: SourceRef | None = None
    dimensions: Dimensions = ()     # (axis, member) qnames: a segment's figure, not the total
    # where the figure came from, for the checks and the inline writer (none of it is part of the fact's identity)
    statement: int | None = field(default=None, compare=False)   # index of its statement; None: cover, EX-27
    scale: int | None = field(default=0, compare=False)          # the power of ten its printed figure was scaled by
                                                                 # (None: by a multiplier no power of ten states)
    closes_sum: bool = field(default=False, compare=False)       # a printed total its printed lines add up to
    scale_stated: bool = field(default=True, compare=False)      # False: scaled by no phrase (read as printed)
    in_label: bool = field(default=False, compare=False)         # printed inside its line's label ('$.01 par value')
    disputed: str | None = field(default=None, compare=False)    # why a sum of its statement contradicts it

    @property
    def places(self) -> int:
        """Decimal places the value is known to (a cover fact's or a nil's: 0)."""
        return self.decimals if self.decimals is not None else 0

    @property
    def key(self) -> tuple:
        """What makes two facts the same fact: an instance holds one value for it."""
        return self.concept, self.period, self.unit, self.dimensions


class Confidence(str, Enum):
    """How sure a mapping is: HIGH where curated data or the user decided and the taxonomy's statement networks (or
    the printed sums) agree, MEDIUM where only one source of evidence decided, LOW for company extensions."""
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


@dataclass
class RowMapping:
    """How one statement row was mapped: the report lists every one of them."""
    statement: int
    label: str
    concept: str | None
    rule: str
    confidence: Confidence = Confidence.NONE
    extension: bool = False
    line_item: bool = False      # a face-statement line with amounts in tagged columns: what coverage counts
    member: str | None = None    # the dimension member its facts carry (a segment's lines)
    total: str | None = None     # a printed total: CONFIRMED where its lines add up to it, else NOT_ADDING_UP
    values: dict[str, str] = field(default_factory=dict)   # period -> XBRL value, for the report
    label_facts: dict[str, str] = field(default_factory=dict)   # "concept period" -> value printed in the label


@dataclass(frozen=True)
class ExtensionConcept:
    """A company concept for a line no us-gaap concept states faithfully, or a member (an abstract domain item)
    naming one of its segments."""
    name: str
    label: str
    item_type: str               # "xbrli:monetaryItemType", "dtr-types:domainItemType", ...
    period_type: str
    balance: str | None
    abstract: bool = False


@dataclass(frozen=True)
class Summation:
    total: str                   # concept qnames
    item: str
    weight: int


@dataclass
class Network:
    """One statement as the linkbases present it: its concepts in order and the sums it prints."""
    role_id: str
    title: str
    root: str                    # the us-gaap abstract concept the presentation hangs from
    concepts: list[str] = field(default_factory=list)
    summations: list[Summation] = field(default_factory=list)


@dataclass
class Extension:
    prefix: str
    namespace: str
    concepts: list[ExtensionConcept] = field(default_factory=list)


@dataclass
class ScheduleCheck:
    """One EX-27 value set beside what the statements say for the same concept and period."""
    document: str
    tag: str
    concept: str | None
    period: Period | None
    schedule_value: Decimal | None      # multiplied out
    statement_value: Decimal | None
    status: str                         # agrees | differs | not_in_statements | unmapped | blank

    AGREES, DIFFERS, NOT_IN_STATEMENTS, UNMAPPED, BLANK = (
        "agrees", "differs", "not_in_statements", "unmapped", "blank")


class Severity(str, Enum):
    ERROR = "error"        # a figure withheld, a filing part lost: the output says less than the filing
    WARNING = "warning"    # the output may be wrong or incomplete where it says
    NOTE = "note"          # worth knowing, nothing lost


class IssueCode(str, Enum):
    """What went wrong, as a stable code: report.json lists issues by these, and the README documents each."""
    NO_CIK = "no-cik"                              # entity identified by the registrant's name
    TOTAL_NOT_SUM = "total-not-sum"                # a printed total closes no run of the lines above it
    SUM_NOT_WRITTEN = "sum-not-written"            # a printed sum the calculation linkbase cannot state soundly
    SUMS_DISAGREE = "sums-disagree"                # two statements print one total with different items
    INCONSISTENT_SUM = "inconsistent-sum"          # a written sum its facts do not satisfy
    CONFLICTING_VALUES = "conflicting-values"      # one fact printed with two values: both withheld
    UNBALANCED = "unbalanced"                      # total assets differ from total liabilities and equity
    PER_SHARE_MISMATCH = "per-share-mismatch"      # EPS x weighted shares is not the income, by a scale or sign
    SCALE_UNSTATED = "scale-unstated"              # 10^3k off a second printing, in a statement naming no scale
    SIGN_AGAINST_MEANING = "sign-against-meaning"  # a never-negative concept (learned from filers) written negative
    LABEL_SCALE_UNDECIDED = "label-scale-undecided"  # share counts in labels: printed whole or scaled, unknown
    SUM_FAILS_IN_COLUMN = "sum-fails-in-column"    # a total adds up in other columns, not in this one
    SCALE_UNPROVEN = "scale-unproven"              # money of a statement naming no scale beside ones that name one
    SCALE_FROM_ARITHMETIC = "scale-from-arithmetic"  # a statement naming no scale scaled as par x shares states


@dataclass(frozen=True)
class Issue:
    code: IssueCode
    severity: Severity
    message: str
    where: SourceRef | None = None


@dataclass(frozen=True)
class Withheld:
    """A fact the filing's own arithmetic (or a second printing of it) contradicts: never written; report.json
    lists it with the issue that withheld it."""
    fact: Fact
    code: IssueCode
    reason: str
    written: bool = False        # --keep-unverified wrote it anyway


CONFIRMED, NOT_ADDING_UP = "confirmed", "not_adding_up"


class Verdict(str, Enum):
    """What the filing's own arithmetic says of one statement's reading."""
    VERIFIED = "verified"                  # its printed totals add up and no check withheld any of its facts
    PARTLY_VERIFIED = "partly verified"    # some totals add up; others do not, or a check withheld facts
    UNVERIFIED = "unverified"              # nothing it prints confirms the reading


@dataclass(frozen=True)
class StatementVerdict:
    statement: int
    verdict: Verdict
    totals_confirmed: int
    totals_not_adding_up: int
    withheld: int


@dataclass(frozen=True)
class Entity:
    scheme: str
    identifier: str
    name: str | None = None


@dataclass
class FactSet:
    entity: Entity
    facts: list[Fact]
    rows: list[RowMapping]
    issues: list[Issue] = field(default_factory=list)
    withheld: list[Withheld] = field(default_factory=list)
    verdicts: list[StatementVerdict] = field(default_factory=list)
    namespaces: dict[str, str] = field(default_factory=dict)   # prefix -> namespace of every concept used
    schema_urls: dict[str, str] = field(default_factory=dict)   # prefix -> official schema of a standard taxonomy
    schedule_checks: list[ScheduleCheck] = field(default_factory=list)
    extension: Extension | None = None
    networks: list[Network] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)     # the filing's documents, where the facts stand
    form_type: str | None = None
