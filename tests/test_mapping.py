"""Mapping decisions: concepts for real-world labels, signs by meaning, every map entry a real concept."""
from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest

from converter.mapping import deduplicate, mapping_context
from converter.mapping.facts import map_statement
from converter.mapping.choice import ConceptChooser
from converter.mapping.extensions import ExtensionBuilder
from converter.mapping.labels import LabelMap, normalise_label
from converter.mapping.names import concept_by_name
from converter.model import (Amount, Entity, Column, ColumnRole, Fact, IssueCode, Measure, Period, Scale, SourceRef, Statement,
                             StatementKind, StatementRow, Unit)
from converter.resources import maps_dir
from converter.taxonomy import load_taxonomy

BS, IS = StatementKind.BALANCE_SHEET, StatementKind.INCOME


@pytest.fixture(scope="module")
def taxonomy(taxonomy_packages):
    return load_taxonomy(taxonomy_packages)


@pytest.mark.parametrize("kind, label, concept", [
    (BS, "Capital in excess of par value", "AdditionalPaidInCapital"),
    (BS, "Additional paid-in capital", "AdditionalPaidInCapital"),
    (BS, "Accumulated deficit", "RetainedEarningsAccumulatedDeficit"),
    (BS, "Retained earnings", "RetainedEarningsAccumulatedDeficit"),
    (BS, "Treasury stock, at cost", "TreasuryStockValue"),
    (BS, "Minority interest", "MinorityInterest"),
    (BS, "Total stockholders' equity", "StockholdersEquity"),
    (BS, "Total liabilities and shareholders' equity", "LiabilitiesAndStockholdersEquity"),
    (BS, "Accounts receivable, net of allowance of $120", "AccountsReceivableNetCurrent"),
    (BS, "Cash and cash equivalents", "CashAndCashEquivalentsAtCarryingValue"),
    (BS, "Office equipment at cost, less accumulated depreciation of $1,200 and $900", "PropertyPlantAndEquipmentNet"),
    (BS, "Furniture, equipment and leasehold improvements, net of accumulated depreciation",
     "PropertyPlantAndEquipmentNet"),
    (IS, "Net loss", "NetIncomeLoss"),
    (IS, "Net earnings (loss)", "NetIncomeLoss"),
    (IS, "Selling, general and administrative", "SellingGeneralAndAdministrativeExpense"),
    (IS, "General and administrative", "GeneralAndAdministrativeExpense"),
    (IS, "Amort. of goodwill and purchased intangible assets", "AmortizationOfIntangibleAssets"),
    (IS, "Provision (benefit) for income taxes", "IncomeTaxExpenseBenefit"),
    (IS, "Income (loss) from operations", "OperatingIncomeLoss"),
    (IS, "Loss from continuing operations before income tax benefit and minority interest",
     "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (IS, "Total operating expenses", "OperatingExpenses"),
    (IS, "Net sales (1)", "Revenues"),
    (IS, "Basic and diluted net loss per share", "EarningsPerShareBasicAndDiluted"),
    (IS, "Income before cumulative effect of accounting change", "IncomeLossFromContinuingOperations"),
    (IS, "Investment income", "InvestmentIncomeNet"),
    (IS, "Net investment income", "NetInvestmentIncome"),
])
def test_label_decisions(kind, label, concept):
    rule = LabelMap().lookup(kind, label)
    assert rule is not None and rule.concept == f"us-gaap:{concept}", label


def test_normalised_labels():
    assert normalise_label("Write-off (benefit) of inventory (a)") == "write off benefit of inventory"
    assert normalise_label("Research & development") == "research and development"
    assert normalise_label("Amort. of goodwill") == "amortization of goodwill"


def test_every_mapped_concept_is_a_concrete_concept_of_the_taxonomy(taxonomy):
    with open(maps_dir() / "concepts.csv", newline="") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    missing = [r["concept"] for r in rows if taxonomy.get(r["concept"]) is None or taxonomy.get(r["concept"]).abstract]
    assert not missing
    parts = [name for r in rows if r.get("member") for name in r["member"].split("=")]
    assert parts and all(taxonomy.get(name) is not None for name in parts)
    assert all(name.endswith("Axis") for name in parts[::2]) and all(name.endswith("Member") for name in parts[1::2])


def test_overrides_come_first(tmp_path):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("statement,pattern,concept\nincome_statement,revenues,us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax\n")
    assert LabelMap(overrides).lookup(IS, "Revenues").concept == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"


Q = Period(date(2003, 3, 31), date(2003, 1, 1))


def _statement(kind, rows, period=Q):
    built = [StatementRow(label, [Amount(Decimal(v), 0)], Measure.MONETARY, SourceRef("t", i + 1),
                          cell_sources=[SourceRef("t", i + 1, 40)]) for i, (label, v) in enumerate(rows)]
    return Statement(kind, "t", [Column("h", ColumnRole.REPORTED, period)], built, Scale(3, 3), SourceRef("t", 1))


def _values(statement, taxonomy):
    return {f.concept.split(":")[1]: f.value for f in map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))).facts}


def test_signs_follow_meaning_through_the_printed_sums(taxonomy):
    values = _values(_statement(IS, [
        ("Revenues", "1000"), ("Cost of revenues", "400"), ("Gross profit", "600"),
        ("Research and development", "700"), ("Restructuring charges (benefit)", "-50"),
        ("Total operating expenses", "650"), ("Loss from operations", "-50"),
        ("Interest expense", "-30"), ("Interest income", "10"), ("Net loss", "-70")]), taxonomy)
    assert values == {"Revenues": 1000000, "CostOfRevenue": 400000, "GrossProfit": 600000,
                      "ResearchAndDevelopmentExpense": 700000, "RestructuringCharges": -50000,
                      "OperatingExpenses": 650000, "OperatingIncomeLoss": -50000, "InterestExpense": 30000,
                      "InvestmentIncomeInterest": 10000, "NetIncomeLoss": -70000}


Q_BEFORE = Period(date(2002, 3, 31), date(2002, 1, 1))


def _two_column_statement(kind, rows):
    built = [StatementRow(label, [Amount(Decimal(v), 0) for v in values], Measure.MONETARY, SourceRef("t", i + 1),
                          cell_sources=[SourceRef("t", i + 1, 40), SourceRef("t", i + 1, 50)])
             for i, (label, *values) in enumerate(rows)]
    columns = [Column("h", ColumnRole.REPORTED, Q), Column("h", ColumnRole.REPORTED, Q_BEFORE)]
    return Statement(kind, "t", columns, built, Scale(3, 3), SourceRef("t", 1))


def test_lines_below_pre_tax_income_add_as_printed_after_the_deducted_tax(taxonomy):
    """Net income = pre-tax income - tax + a minority interest printed with its effect + equity income: printed
    (9) the minority's share is income of 9 deducted, printed 4 a loss of theirs added back."""
    facts = map_statement(0, _two_column_statement(IS, [
        ("Income before income taxes", "500", "300"), ("Income tax expense", "200", "120"),
        ("Minority interest in (income) loss of subsidiary", "-9", "4"),
        ("Equity in income of investees", "15", "26"), ("Net income", "306", "210")]),
        mapping_context(taxonomy, Entity("s", "X", "Example Corp"))).facts
    minority = {f.period: f.value for f in facts if f.concept.endswith("NetIncomeLossAttributableToNoncontrollingInterest")}
    assert minority == {Q: 9000, Q_BEFORE: -4000}
    assert {f.period: f.value for f in facts if f.concept == "us-gaap:NetIncomeLoss"} == {Q: 306000, Q_BEFORE: 210000}


def _extension_values(statements, taxonomy):
    """Each statement mapped in turn with one context, as a filing's are: extension concept -> value."""
    context = mapping_context(taxonomy, Entity("s", "X", "Example Corp"))
    return [{f.concept.split(":")[1]: f.value for f in map_statement(i, st, context).facts
             if f.concept.startswith(context.extensions.prefix)} for i, st in enumerate(statements)], context


def test_an_extension_subtracted_in_its_sum_is_a_debit_and_a_named_gain_a_credit(taxonomy):
    (values,), context = _extension_values([_statement(IS, [
        ("Revenues", "1000"), ("Franchise occupancy outlays", "300"), ("Windfall from a lawsuit gain", "-50"),
        ("Operating income", "750")])], taxonomy)
    balances = {c.name: c.balance for c in context.extensions.by_name.values()}
    assert values["FranchiseOccupancyOutlays"] == 300000 and balances["FranchiseOccupancyOutlays"] == "debit"
    assert values["WindfallFromALawsuitGain"] == 50000 and balances["WindfallFromALawsuitGain"] == "credit"


def test_an_extension_printed_again_keeps_its_sign_or_takes_a_concept_of_its_own(taxonomy):
    income = _statement(IS, [("Income before the change", "400"), ("Effect of the change in methods", "-100"),
                             ("Net income", "300")])
    cash_flows = _statement(CF, [("Net income", "300"), ("Effect of the change in methods", "100"),
                                 ("Net cash provided by operating activities", "400")])
    (first, second), context = _extension_values([income, cash_flows], taxonomy)
    # a loss of 100 either way: a credit of -100 where net income takes it, a debit of 100 where the cash flows add
    # it back; never one fact with two values
    balances = {c.name: c.balance for c in context.extensions.by_name.values()}
    assert first["EffectOfTheChangeInMethods"] == -100000 and balances["EffectOfTheChangeInMethods"] == "credit"
    assert second == {"EffectOfTheChangeInMethods2": 100000} and balances["EffectOfTheChangeInMethods2"] == "debit"
    payments = _statement(CF, [("Redemption of the founders' notes", "-80"), ("Net cash used in financing activities", "-80")])
    equity = _statement(EQ, [("Balance, beginning of year", "500"), ("Redemption of the founders' notes", "-80"),
                             ("Balance, end of year", "420")])
    (in_cash, in_equity), _ = _extension_values([payments, equity], taxonomy)
    # a payment of cash in one, a decrease of equity in the other: two concepts
    assert set(in_cash) == {"RedemptionOfTheFoundersNotes"} and set(in_equity) == {"RedemptionOfTheFoundersNotes2"}


def test_contra_equity_and_deficit_signs(taxonomy):
    values = _values(_statement(BS, [
        ("Common stock", "10"), ("Additional paid-in capital", "500"), ("Accumulated deficit", "-300"),
        ("Treasury stock", "-20"), ("Total stockholders' equity", "190")], Period(date(2003, 3, 31))), taxonomy)
    assert values["RetainedEarningsAccumulatedDeficit"] == -300000
    assert values["TreasuryStockValue"] == 20000
    assert values["StockholdersEquity"] == 190000


def test_expense_in_parentheses_outside_any_sum_is_positive(taxonomy):
    values = _values(_statement(IS, [("Interest expense", "-130"), ("Income tax benefit", "-40")]), taxonomy)
    assert values["InterestExpense"] == 130000
    assert values["IncomeTaxExpenseBenefit"] == -40000        # a benefit is a negative expense


def test_duplicated_columns_give_one_fact_and_conflicting_values_are_withheld():
    fact = Fact("us-gaap:Revenues", Decimal(5000), Q, Unit.USD, -3)
    assert deduplicate([fact, fact]) == ([fact], [])
    other = Fact("us-gaap:Revenues", Decimal(6000), Q, Unit.USD, -3)
    unique, withheld = deduplicate([fact, fact, other])
    assert unique == [] and [w.fact for w in withheld] == [fact, other]
    assert {w.code for w in withheld} == {IssueCode.CONFLICTING_VALUES}


CF, EQ = StatementKind.CASH_FLOW, StatementKind.EQUITY
M, SH, PS = Measure.MONETARY, Measure.SHARES, Measure.PER_SHARE


@pytest.mark.parametrize("kind, section, label, measure, concept", [
    # the heading or total above decides the generic labels
    (BS, "Current assets:", "Other", M, "OtherAssetsCurrent"),
    (BS, "Total current assets", "Other", M, "OtherAssetsNoncurrent"),
    (BS, "Current liabilities:", "Other", M, "OtherLiabilitiesCurrent"),
    (BS, "Total current liabilities", "Other", M, "OtherLiabilitiesNoncurrent"),
    (BS, "Current assets:", "Deferred income taxes", M, "DeferredTaxAssetsNetCurrent"),
    (BS, "Total current liabilities", "Deferred income taxes", M, "DeferredTaxLiabilitiesNoncurrent"),
    (BS, "Inventories:", "Total", M, "InventoryNet"),
    (IS, "Revenues:", "Total", M, "Revenues"),
    (IS, "Costs and expenses:", "Total", M, "CostsAndExpenses"),
    (CF, "Changes in operating assets and liabilities:", "Accounts receivable", M,
     "IncreaseDecreaseInAccountsReceivable"),
    (CF, "Changes in operating assets and liabilities:", "Income taxes", M, "IncreaseDecreaseInAccruedIncomeTaxesPayable"),
    (CF, "Cash paid during the year for:", "Income taxes", M, "IncomeTaxesPaidNet"),
    (CF, "Cash flows from investing activities:", "Other", M, "PaymentsForProceedsFromOtherInvestingActivities"),
    (CF, "Financing activities:", "Excess tax benefits from stock-based compensation", M,
     "ExcessTaxBenefitFromShareBasedCompensationFinancingActivities"),
    (CF, "Operating activities:", "Excess tax benefits from stock-based compensation", M,
     "ExcessTaxBenefitFromShareBasedCompensationOperatingActivities"),
    (EQ, "Common stock and paid-in capital", "Balance, beginning of period", M,
     "CommonStocksIncludingAdditionalPaidInCapital"),
    (EQ, "Retained earnings", "Balance, end of period", M, "RetainedEarningsAccumulatedDeficit"),
    (EQ, "", "Balance, beginning of year", M, "StockholdersEquity"),
    # labels as the corpus prints them, whatever the section
    (CF, "", "Net cash (used in)/provided by financing activities", M, "NetCashProvidedByUsedInFinancingActivities"),
    (CF, "", "Cash generated by operating activities", M, "NetCashProvidedByUsedInOperatingActivities"),
    (CF, "", "Cash and cash equivalents, end of the period", M, "CashAndCashEquivalentsAtCarryingValue"),
    (CF, "", "(Gains) losses on equity securities, net", M, "GainLossOnInvestments"),
    (CF, "", "Net realized gain on sale of investment securities", M, "GainLossOnSaleOfInvestments"),
    (IS, "", "Other operating (income) expense, net", M, "OtherOperatingIncomeExpenseNet"),   # its whole name
    (IS, "", "Interest and other income, net", M, "NonoperatingIncomeExpense"),
    (CF, "", "Gain on sales of investments", M, "GainLossOnSaleOfInvestments"),
    (CF, "", "Net loss on retirements and impairments of property, plant and equipment", M,
     "GainLossOnDispositionOfAssets"),
    (CF, "", "Acquisition of companies, net of cash acquired", M, "PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, "", "Payment for acquisition of property, plant, and equipment", M, "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, "", "Provision (credit) for deferred income taxes", M, "DeferredIncomeTaxExpenseBenefit"),
    (BS, "", "Accounts receivable, less allowances of $44 and $47, respectively", M, "AccountsReceivableNetCurrent"),
    (BS, "", "Total liabilities and shareowner's equity", M, "LiabilitiesAndStockholdersEquity"),
    (BS, "", "Capital in excess of stated value", M, "AdditionalPaidInCapital"),
    (IS, "", "Marketing, general and administrative", M, "SellingGeneralAndAdministrativeExpense"),
    (IS, "", "Interest and other income (expense), net", M, "NonoperatingIncomeExpense"),
    (IS, "", "Minority interest in income of consolidated subsidiaries", M,
     "NetIncomeLossAttributableToNoncontrollingInterest"),
    # the unit picks earnings per share or the share count for the same words
    (IS, "", "Shares used in computing earnings per share, Diluted", SH, "WeightedAverageNumberOfDilutedSharesOutstanding"),
    (IS, "", "Net income per share - Diluted", PS, "EarningsPerShareDiluted"),
    (IS, "", "Net income per share - primary", PS, "EarningsPerShareBasic"),
    (IS, "", "Cash dividends declared per common share", PS, "CommonStockDividendsPerShareDeclared"),
    (IS, "", "Basic earnings per share, Continuing operations", PS, "IncomeLossFromContinuingOperationsPerBasicShare"),
    (IS, "", "Diluted earnings per share, Net income", PS, "EarningsPerShareDiluted"),
    # asides say nothing of what the line is
    (IS, "", "Research and development (including stock-based compensation expense of $1,120, $980)", M,
     "ResearchAndDevelopmentExpense"),
    (IS, "", "Other expense, net (Notes 5 and 16)", M, "OtherNonoperatingIncomeExpense"),
    # continuing operations named before the tax or the operating result
    (IS, "", "Income From Continuing Operations Before Income Taxes", M,
     "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (IS, "", "Operating income from continuing operations", M, "OperatingIncomeLoss"),
    (IS, "", "Earnings from continuing operations before accounting changes", M, "IncomeLossFromContinuingOperations"),
    (IS, "", "Pre-tax earnings", M,
     "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (IS, "", "Taxes on income", M, "IncomeTaxExpenseBenefit"),
    # no curated pattern: the words of a us-gaap name, less qualifiers (taxonomy_maps/names.toml)
    (IS, "", "Goodwill impairment", M, "GoodwillImpairmentLoss"),
    (IS, "", "Advertising", M, "AdvertisingExpense"),
    (IS, "", "Principal transactions", M, "PrincipalTransactionsRevenue"),
    (BS, "", "Advances by borrowers for taxes and insurance", M, "AdvancePaymentsByBorrowersForTaxesAndInsurance"),
    (CF, "", "Repayment of short-term debt", M, "RepaymentsOfShortTermDebt"),
    # more 1990s-2000s lines
    (CF, "", "Acquisition of subsidiary, net of cash acquired", M, "PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, "", "Disposals of property, plant and equipment", M, "ProceedsFromSaleOfPropertyPlantAndEquipment"),
    (CF, "", "Dividends \u2014 common and preferred", M, "PaymentsOfDividends"),
    (CF, "", "Common shares purchased", M, "PaymentsForRepurchaseOfCommonStock"),
    (CF, "", "Effect of exchange rate changes", M, "EffectOfExchangeRateOnCashAndCashEquivalents"),
    (CF, "", "Net borrowings (repayments) under line of credit", M, "ProceedsFromRepaymentsOfLinesOfCredit"),
    (CF, "Supplemental disclosures of cash paid:", "Interest, net of capitalized interest", M, "InterestPaidNet"),
    (CF, "Investing:", "Other", M, "PaymentsForProceedsFromOtherInvestingActivities"),
    (IS, "", "Taxes other than income taxes", M, "TaxesOther"),
    (IS, "", "Provision for bad debts", M, "ProvisionForDoubtfulAccounts"),
    (IS, "", "Loss on disposal of property", M, "GainLossOnDispositionOfAssets"),
    (IS, "", "Preferred stock dividend requirements", M, "PreferredStockDividendsIncomeStatementImpact"),
    (IS, "", "Railway operating revenues", M, "Revenues"),
    (IS, "", "Operating expenses", M, "OperatingExpenses"),
    (IS, "", "Earnings (loss) per common and common equivalent share", PS, "EarningsPerShareBasic"),
    (IS, "", "Per Share Data, Dividends declared", PS, "CommonStockDividendsPerShareDeclared"),
    (BS, "", "Trade accounts and notes receivable \u2013 net", M, "AccountsAndNotesReceivableNet"),
    (BS, "", "Short-term debt and current portion of long-term debt", M, "DebtCurrent"),
    (BS, "", "Earnings retained for use in business", M, "RetainedEarningsAccumulatedDeficit"),
    (BS, "", "Postretirement benefits other than pensions", M, "OtherPostretirementDefinedBenefitPlanLiabilitiesNoncurrent"),
    (BS, "", "Total liabilities and members' equity", M, "LiabilitiesAndStockholdersEquity"),
    (BS, "", "Common stock in treasury, 1,250,000 shares in 2003, at cost", M, "TreasuryStockValue"),
    (BS, "", "Common stock and paid-in capital \u2013 shares authorized 5,000; outstanding 3,210", M,
     "CommonStocksIncludingAdditionalPaidInCapital"),
    (BS, "", "Securities sold, not yet purchased, at market", M, "FinancialInstrumentsSoldNotYetPurchasedAtFairValue"),
    # per-share lines under an "Amounts per share" heading and its "Basic income" sub-heading
    (IS, "", "Amounts per share of common stock, Basic income, Income from discontinued operation", PS,
     "IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare"),
    (IS, "", "Amounts per share of common stock, Diluted income, Loss on spin-off of discontinued operation", PS,
     "DiscontinuedOperationGainLossOnDisposalOfDiscontinuedOperationNetOfTaxPerDilutedShare"),
    (IS, "", "Amounts per share of common stock, Diluted income, Cash dividends", PS,
     "CommonStockDividendsPerShareDeclared"),
    # banks, brokers, contractors, utilities, health plans
    (BS, "", "Cash and temporary cash investments", M, "CashAndCashEquivalentsAtCarryingValue"),
    (BS, "", "Portion of long-term debt payable within one year", M, "LongTermDebtCurrent"),
    (BS, "", "Costs and estimated earnings in excess of billings on uncompleted contracts", M,
     "CostsInExcessOfBillingsOnUncompletedContractsOrPrograms"),
    (BS, "Total current liabilities", "Total deferred credits and other long-term liabilities", M,
     "DeferredCreditsAndOtherLiabilitiesNoncurrent"),
    (BS, "DEFERRED ITEMS", "Income taxes", M, "DeferredTaxLiabilitiesNoncurrent"),
    (BS, "Current liabilities:", "Income taxes", M, "AccruedIncomeTaxesCurrent"),
    (BS, "", "Investment credit", M, "AccumulatedDeferredInvestmentTaxCredit"),
    (BS, "Stockholders' equity", "1990 Employee Stock Ownership Plan", M, "UnearnedESOPShares"),
    (BS, "", "Financing receivables – net", M, "FinancingReceivableExcludingAccruedInterestAfterAllowanceForCreditLoss"),
    (BS, "", "Securities lending payable", M, "SecuritiesLoaned"),
    (BS, "", "Receivable from clearing firm", M, "ReceivablesFromBrokersDealersAndClearingOrganizations"),
    (IS, "", "Recovery (write down) of nonmarketable investment", M, "GainLossOnInvestments"),
    (IS, "", "Health care premiums and fees", M, "PremiumsEarnedNet"),
    (IS, "", "Medical claims and costs", M, "PolicyholderBenefitsAndClaimsIncurredHealthCare"),
    (IS, "", "Equity in earnings of subsidiaries", M, "IncomeLossFromSubsidiariesNetOfTax"),
    (IS, "", "Total special charges", M, "RestructuringSettlementAndImpairmentProvisions"),
    (IS, "", "Income from pipeline operations", M, "OperatingIncomeLoss"),
    (CF, "", "Proceeds from sales of financing receivables", M, "ProceedsFromSaleOfFinanceReceivables"),
    (CF, "", "Collections of receivables", M, "ProceedsFromCollectionOfFinanceReceivables"),
    (CF, "", "Cash paid for acquisition of technology", M, "PaymentsToAcquireIntangibleAssets"),
    (CF, "", "Total cash generated (used)", M, "CashAndCashEquivalentsPeriodIncreaseDecrease"),
    (CF, "", "Increases in common stock, net of related tax benefits", M, "ProceedsFromIssuanceOfCommonStock"),
    (CF, "", "Net (payments) proceeds related to stock-based award activities", M, "ProceedsFromIssuanceOfSharesUnderIncentiveAndShareBasedCompensationPlansIncludingStockOptions"),
    (EQ, "", "10% stock dividend", M, "StockIssuedDuringPeriodValueStockDividend"),
    (EQ, "", "Repurchase and retirement of common stock", M, "StockRepurchasedDuringPeriodValue"),
    (EQ, "", "Change in foreign currency translation", M,
     "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossArisingDuringPeriodNetOfTax"),
    (EQ, "", "Change in net unrealized gain on derivative instruments, net of tax", M,
     "OtherComprehensiveIncomeLossDerivativesQualifyingAsHedgesNetOfTax"),
    (EQ, "", "Change in net unrealized holding gain on available-for-sale investments, net of tax", M,
     "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"),
    (EQ, "", "Issuance of shares under the employee stock purchase plan", M,
     "StockIssuedDuringPeriodValueEmployeeStockPurchasePlan"),
    (EQ, "", "Stock options exercised", M, "StockIssuedDuringPeriodValueStockOptionsExercised"),
    (EQ, "", "Employee stock option and SARs exercises (includes tax impact of $9 million)", M,
     "StockIssuedDuringPeriodValueStockOptionsExercised"),
    (EQ, "", "Change in unrealized gains on cash flow hedges, net of tax", M,
     "OtherComprehensiveIncomeLossDerivativesQualifyingAsHedgesNetOfTax"),
    (EQ, "", "Dividends on Common stock ($1.10 per share)", M, "DividendsCommonStockCash"),
    (EQ, "", "Treasury shares reissued", M, "StockIssuedDuringPeriodValueTreasuryStockReissued"),
    (EQ, "", "Amortization of deferred stock-based compensation, net of reversals", M,
     "AdjustmentsToAdditionalPaidInCapitalSharebasedCompensationRequisiteServicePeriodRecognitionValue"),
    (EQ, "", "Tax withholding related to vesting of restricted stock units", M,
     "AdjustmentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (EQ, "", "Other comprehensive loss", M, "OtherComprehensiveIncomeLossNetOfTax"),
    (CF, "", "Purchases of other long-term investments", M, "PaymentsToAcquireLongtermInvestments"),
    (CF, "", "Purchases of short-term investments", M, "PaymentsToAcquireShortTermInvestments"),
    (CF, "", "Proceeds from maturities of short-term investments", M,
     "ProceedsFromMaturitiesPrepaymentsAndCallsOfShorttermInvestments"),
    (CF, "", "Purchases of marketable securities", M, "PaymentsToAcquireMarketableSecurities"),
    (CF, "", "Purchase of Acme Corp., net of cash and cash equivalents acquired", M,
     "PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, "", "Proceeds from sales of specialty coatings businesses, net of cash transferred", M,
     "ProceedsFromDivestitureOfBusinesses"),
    (CF, "Cash flows from investing activities:", "Proceeds from sale and leaseback of fixed assets", M,
     "SaleLeasebackTransactionNetProceedsInvestingActivities"),
    (IS, "", "Income (Loss) of Consolidated Group before Income Taxes", M,
     "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments"),
    (IS, "", "Provision for credit and insurance losses", M, "ProvisionForLoanLeaseAndOtherLosses"),
    (BS, "", "Health care claims and reserves", M, "LiabilityForClaimsAndClaimsAdjustmentExpense"),
    (IS, "", "Amounts per share of common stock after preferred stock dividends, Income/(loss)", PS,
     "EarningsPerShareBasic"),
    (IS, "", "Income/(loss) from continuing operations", M, "IncomeLossFromContinuingOperations"),
    (IS, "", "Income/(loss) before minority interests", M,
     "IncomeLossFromContinuingOperationsIncludingPortionAttributableToNoncontrollingInterest"),
    (EQ, "Retained deficit", "Balance, beginning of period", M, "RetainedEarningsAccumulatedDeficit"),
    (CF, "", "Net increase (decrease) in cash and cash equivalents", M, "CashAndCashEquivalentsPeriodIncreaseDecrease"),
    (IS, "", "Comprehensive income (loss)", M, "ComprehensiveIncomeNetOfTax"),
    (IS, "Other comprehensive income, net of tax:", "Foreign currency translation adjustments", M,
     "OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossArisingDuringPeriodNetOfTax"),
    (IS, "", "Other comprehensive loss, net of tax", M, "OtherComprehensiveIncomeLossNetOfTax"),
    (StatementKind.COMPREHENSIVE_INCOME, "", "Total comprehensive income", M, "ComprehensiveIncomeNetOfTax"),
    (StatementKind.COMPREHENSIVE_INCOME, "", "Net income", M, "NetIncomeLoss"),
])
def test_decisions_in_context(taxonomy, kind, section, label, measure, concept):
    row = StatementRow(label, [Amount(Decimal(1), 0)], measure, SourceRef("t", 1))
    choice = ConceptChooser(taxonomy, LabelMap()).choose(kind, row, section)
    assert choice.concept is not None and choice.concept.qname == f"us-gaap:{concept}", (label, choice.rule)


def test_cash_held_for_a_purpose_is_not_the_change_in_cash(taxonomy):
    row = StatementRow("(Increase) decrease in cash held for plant expansion", [Amount(Decimal(1), 0)],
                       Measure.MONETARY, SourceRef("t", 1))
    choice = ConceptChooser(taxonomy, LabelMap()).choose(CF, row, "Cash flows from investing activities:")
    assert choice.concept is None or choice.concept.qname != "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease"


def test_extensions_take_none_of_the_standard_names(taxonomy):
    builder = ExtensionBuilder(taxonomy, "Example & Co", "X", None)
    assert builder.concept_for("Assets", Measure.MONETARY, "instant", set()).name == "Assets2"
    assert builder.concept_for("Casino revenues", Measure.MONETARY, "duration", set()).qname == "example:CasinoRevenues"
    assert builder.concept_for("Casino revenues", Measure.MONETARY, "duration", {"CasinoRevenues"}).name == \
        "CasinoRevenues2"


def test_overrides_by_plain_label_and_statement(tmp_path):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("statement,label,concept\ncash_flow,Accrued dealer incentives,us-gaap:IncreaseDecreaseInAccruedLiabilities\n")
    labels = LabelMap(overrides)
    rule = labels.lookup(StatementKind.CASH_FLOW, "Accrued dealer incentives")
    assert rule.concept == "us-gaap:IncreaseDecreaseInAccruedLiabilities" and rule.origin == "override overrides.csv:2"
    assert labels.lookup(StatementKind.BALANCE_SHEET, "Accrued dealer incentives") is None


@pytest.mark.parametrize("kind, label", [
    (BS, "Debt"),             # current or not: the name's "Current" is no qualifier
    (IS, "Cumulative effect of accounting change, net of tax"),     # no us-gaap 2024 concept
    (IS, "Commissions"),      # a broker's revenue, an insurer's expense
    (IS, "Other"),            # too general to match by name
    (IS, "Casino"),
])
def test_labels_that_name_no_concept_take_none(taxonomy, kind, label):
    row = StatementRow(label, [Amount(Decimal(1), 0)], M, SourceRef("t", 1))
    choice = ConceptChooser(taxonomy, LabelMap()).choose(kind, row)
    assert choice.concept is None, choice.rule


def test_general_words_name_a_concept_only_three_or_more_of_them_and_its_whole_name(taxonomy):
    candidates = [taxonomy.get(f"us-gaap:{name}") for name in ("OtherExpenses", "OtherOperatingIncomeExpenseNet",
                                                                 "OtherNonoperatingIncomeExpense")]
    assert concept_by_name("other expenses", candidates) is None
    assert concept_by_name("other operating income expense", candidates) is None      # 'Net' left out
    assert concept_by_name("other operating income expense net", candidates)[0].name == "OtherOperatingIncomeExpenseNet"


def test_a_stated_total_takes_its_concept_from_a_generic_balance_line_above(taxonomy):
    values = _values(_statement(EQ, [
        ("Balance at beginning of year", "120"), ("Issued for employee benefit plans", "8"),
        ("Balance at end of year", "128"), ("Total stockholders' equity", "2450")]), taxonomy)
    assert values["StockholdersEquity"] == 2450000


def test_cash_at_the_month_a_year_starts_is_the_opening_balance(taxonomy):
    year = Period(date(1993, 12, 31), date(1993, 1, 1))
    statement = _statement(CF, [("Cash and cash equivalents at January 1", "8"),
                                ("Cash and cash equivalents at December 31", "9")], year)
    facts = map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))).facts
    assert {(str(f.period), f.value) for f in facts} == {("1992-12-31", 8000), ("1993-12-31", 9000)}


def test_a_loss_printed_without_parentheses_outside_any_sum_is_negative(taxonomy):
    values = _values(_statement(IS, [("Loss on disposal of property", "100"), ("Net loss", "275")]), taxonomy)
    assert values["GainLossOnDispositionOfAssets"] == -100000
    assert values["NetIncomeLoss"] == -275000


def test_money_received_under_a_concept_of_payments_is_a_negative_payment(taxonomy):
    year = Period(date(1999, 12, 31), date(1999, 1, 1))
    values = _values(_statement(CF, [("Cash paid for interest", "50"),
                                     ("Cash received for income taxes, net", "25")], year), taxonomy)
    assert values["InterestPaidNet"] == 50000
    assert values["IncomeTaxesPaidNet"] == -25000


def test_a_printed_total_beats_an_unlabeled_subtotal_of_the_same_name(taxonomy):
    statement = _statement(BS, [
        ("Common stock", "10"), ("Retained earnings", "500"), ("Total stockholders' equity", "510"),
        ("Less treasury stock, at cost", "20"), ("Total stockholders' equity", "490")], Period(date(2003, 3, 31)))
    statement.rows[2].synthesized_label = True      # printed as a bare amount under the section
    values = _values(statement, taxonomy)
    assert values["StockholdersEquity"] == 490000
    assert values["TreasuryStockValue"] == 20000


def test_a_closing_balance_belongs_to_the_component_its_opening_balance_opened(taxonomy):
    rows = [("Retained earnings", None), ("Balance, beginning of period", "100"), ("Net income", "30"),
            ("Other comprehensive income:", None), ("Translation adjustments", "-5"), ("Comprehensive income", "25"),
            ("Balance, end of period", "125")]
    facts = _equity_facts(rows, Period(date(2003, 3, 31), date(2003, 1, 1)), taxonomy)
    closing = [f for f in facts if str(f.period) == "2003-03-31"]
    assert [(f.concept, f.value) for f in closing] == [("us-gaap:RetainedEarningsAccumulatedDeficit", 125000)]


@pytest.mark.parametrize("section, label, concept, member", [
    ("Net revenues:", "Products", "RevenueFromContractWithCustomerExcludingAssessedTax", "ProductMember"),
    ("Revenues", "Services", "RevenueFromContractWithCustomerExcludingAssessedTax", "ServiceMember"),
    ("", "Sales of goods", "RevenueFromContractWithCustomerExcludingAssessedTax", "ProductMember"),
    ("Revenues:", "License", "RevenueFromContractWithCustomerExcludingAssessedTax", "LicenseMember"),
    ("Revenues:", "Casino", "RevenueFromContractWithCustomerExcludingAssessedTax", "CasinoMember"),
    ("Cost of sales:", "Products", "CostOfGoodsAndServicesSold", "ProductMember"),
])
def test_product_and_service_lines_are_parts_of_revenue_or_cost(taxonomy, section, label, concept, member):
    row = StatementRow(label, [Amount(Decimal(1), 0)], M, SourceRef("t", 1))
    choice = ConceptChooser(taxonomy, LabelMap()).choose(IS, row, section)
    assert choice.concept.qname == f"us-gaap:{concept}"
    assert choice.dimensions == (("srt:ProductOrServiceAxis", f"us-gaap:{member}"),)


def test_parts_carry_their_member_and_their_total_enters_no_calculation(taxonomy):
    statement = _statement(IS, [("Revenues:", "0"), ("Products", "700"), ("Services", "300"), ("Total revenues", "1000"),
                                ("Cost of revenues", "600"), ("Gross profit", "400")])
    statement.rows[0].is_heading = True
    mapped = map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp')))
    facts = {(f.concept.split(":")[1], f.dimensions): f.value for f in mapped.facts}
    axis = "srt:ProductOrServiceAxis"
    assert facts[("RevenueFromContractWithCustomerExcludingAssessedTax", ((axis, "us-gaap:ProductMember"),))] == 700000
    assert facts[("RevenueFromContractWithCustomerExcludingAssessedTax", ((axis, "us-gaap:ServiceMember"),))] == 300000
    assert facts[("Revenues", ())] == 1000000
    summations = {(s.total, s.item) for s in mapped.network.summations}
    assert summations == {("us-gaap:GrossProfit", "us-gaap:Revenues"), ("us-gaap:GrossProfit", "us-gaap:CostOfRevenue")}


def _equity_facts(rows, period, taxonomy):
    """rows: (label, amount), amount None for a heading."""
    statement = _statement(EQ, [(label, v or "0") for label, v in rows], period)
    for row, (_, value) in zip(statement.rows, rows):
        row.is_heading = value is None
    return map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))).facts


def _by_member(facts):
    return {(f.concept.split(":")[1], f.dimensions[0][1].split(":")[1] if f.dimensions else None, str(f.period)):
            f.value for f in facts}


def test_a_heading_over_lines_of_an_equity_statement_with_component_columns_names_no_component(taxonomy):
    """Components printed across the columns: a wrapped heading down the page ('Preferred stock cash dividends
    (per share:') gives the total column's lines no member."""
    statement = _statement(EQ, [("Balance at December 31, 2001", "500"), ("Preferred stock dividends:", "0"),
                                ("Series A", "-4"), ("Net income", "30"), ("Balance at December 31, 2002", "526")],
                           Period(date(2002, 12, 31), date(2002, 1, 1)))
    statement.rows[1].is_heading = True
    statement.columns = [Column("Preferred stock", ColumnRole.SEGMENT, statement.columns[0].period),
                         statement.columns[0]]
    for row in statement.rows:
        row.amounts = [None, *row.amounts]
        row.cell_sources = [None, *row.cell_sources]
    facts = map_statement(0, statement, mapping_context(taxonomy, Entity("s", "X", "Example Corp"))).facts
    assert facts and all(not f.dimensions for f in facts)


def test_an_aside_stating_figures_leaves_a_deducted_amount_deducted(taxonomy):
    values = _values(_statement(EQ, [("Preferred stock cash dividends (net of tax benefits of $1.6)", "-40")]), taxonomy)
    assert values["DividendsPreferredStockCash"] == 40000


def test_changes_printed_in_an_equity_components_section_are_that_components(taxonomy):
    rows = [("Common stock and paid-in capital", None), ("Balance, beginning of period", "100"),
            ("Common stock issued", "10"), ("Common stock repurchased", "-5"), ("Balance, end of period", "105"),
            ("Retained earnings", None), ("Balance, beginning of period", "50"), ("Net income", "20"),
            ("Other comprehensive income:", None), ("Translation adjustments", "-2"), ("Comprehensive income", "18"),
            ("Common stock repurchased", "-8"), ("Balance, end of period", "60"),
            ("Total stockholders' equity", "165")]
    facts = _equity_facts(rows, Period(date(2003, 3, 31), date(2003, 1, 1)), taxonomy)
    values = _by_member(facts)
    quarter = "2003-01-01..2003-03-31"
    assert values[("StockRepurchasedDuringPeriodValue", "CommonStockIncludingAdditionalPaidInCapitalMember", quarter)] == 5000
    assert values[("StockRepurchasedDuringPeriodValue", "RetainedEarningsMember", quarter)] == 8000
    assert ("StockRepurchasedDuringPeriodValue", None, quarter) not in values
    assert values[("NetIncomeLoss", "RetainedEarningsMember", quarter)] == 20000
    assert values[("RetainedEarningsAccumulatedDeficit", None, "2003-03-31")] == 60000
    assert values[("CommonStocksIncludingAdditionalPaidInCapital", None, "2002-12-31")] == 100000
    assert values[("StockholdersEquity", None, "2003-03-31")] == 165000
    assert {f.dimensions[0][0] for f in facts if f.dimensions} == {"us-gaap:StatementEquityComponentsAxis"}


def test_no_sum_reaches_back_past_total_assets(taxonomy):
    # 'Earnings retained' = total assets - the lines between: true of every balance sheet, and no sum
    values = _values(_statement(BS, [
        ("Cash", "100"), ("Total assets", "100"), ("Accounts payable", "30"), ("Common stock", "20"),
        ("Earnings retained for use in business", "50"), ("Total stockholders' equity", "70"),
        ("Total liabilities and stockholders' equity", "100")], Period(date(2003, 3, 31))), taxonomy)
    assert values["AccountsPayableCurrent"] == 30000 and values["CommonStockValue"] == 20000
    assert values["RetainedEarningsAccumulatedDeficit"] == 50000


def test_a_components_balances_are_its_equity_and_a_dated_roll_forward_its_periods(taxonomy):
    rows = [("Common Stock", None), ("Balance at beginning of year", "300"), ("Issued for employee plans", "8"),
            ("Balance at end of year", "308"), ("Earnings retained for use in the business", None),
            ("Balance at beginning of year", "5000"), ("Net income", "1200"), ("Cash dividends", "-400"),
            ("Balance at end of year", "5800"), ("Total stockholders' equity", "6108")]
    values = _by_member(_equity_facts(rows, Period(date(1993, 12, 31), date(1993, 1, 1)), taxonomy))
    assert values[("StockholdersEquity", "CommonStockMember", "1992-12-31")] == 300000
    assert values[("StockholdersEquity", "CommonStockMember", "1993-12-31")] == 308000
    assert values[("StockholdersEquity", "RetainedEarningsMember", "1993-12-31")] == 5800000
    assert values[("DividendsCommonStockCash", "RetainedEarningsMember", "1993-01-01..1993-12-31")] == 400000
    assert values[("StockholdersEquity", None, "1993-12-31")] == 6108000


def test_a_roll_forward_dated_down_the_page_gives_each_year_its_own_facts(taxonomy):
    statement = _statement(EQ, [("Balance, June 30, 2001", "160"), ("Net earnings", "70"),
                                ("Dividends paid", "-90"), ("Balance, June 30, 2002", "140"),
                                ("Net earnings", "30"), ("Balance, June 30, 2003", "170")],
                           Period(date(2002, 6, 30), date(2001, 7, 1)))
    statement.rows[0].period, statement.rows[3].period, statement.rows[5].period = (
        Period(date(2001, 6, 30)), Period(date(2002, 6, 30)), Period(date(2003, 6, 30)))
    for index, span in ((1, 2002), (2, 2002), (4, 2003)):
        statement.rows[index].period = Period(date(span, 6, 30), date(span - 1, 7, 1))
    facts = map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))).facts
    values = {(f.concept.split(":")[1], str(f.period)): f.value for f in facts}
    assert values == {("StockholdersEquity", "2001-06-30"): 160000, ("StockholdersEquity", "2002-06-30"): 140000,
                      ("StockholdersEquity", "2003-06-30"): 170000,
                      ("NetIncomeLoss", "2001-07-01..2002-06-30"): 70000,
                      ("NetIncomeLoss", "2002-07-01..2003-06-30"): 30000,
                      ("DividendsCommonStockCash", "2001-07-01..2002-06-30"): 90000}


def test_a_segments_lines_are_read_without_its_name(taxonomy):
    statement = _statement(BS, [("Cash", "10"), ("Receivables", "30"), ("Total Machinery assets", "40")],
                           Period(date(2003, 3, 31)))
    for row in statement.rows:
        row.segment = "Machinery"
    facts = map_statement(0, statement, mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))).facts
    assert {(f.concept, f.dimensions[0][1]) for f in facts if f.value == 40000} == {
        ("us-gaap:Assets", "example:MachineryMember")}


def test_net_income_starts_operating_cash_flows_as_printed(taxonomy):
    year = Period(date(2003, 12, 31), date(2003, 1, 1))
    values = _values(_statement(CF, [
        ("Net income", "100"), ("Depreciation", "20"), ("Accounts receivable", "-10"),
        ("Net cash provided by operating activities", "110"), ("Purchases of property and equipment", "-50"),
        ("Net cash used in investing activities", "-50"), ("Net increase in cash", "60")], year), taxonomy)
    assert values["NetIncomeLoss"] == 100000
    assert values["IncreaseDecreaseInAccountsReceivable"] == 10000
    assert values["PaymentsToAcquirePropertyPlantAndEquipment"] == 50000
    assert values["NetCashProvidedByUsedInOperatingActivities"] == 110000


def test_a_concept_an_earlier_statement_gave_another_amount_takes_an_extension(taxonomy):
    year = Period(date(2003, 12, 31), date(2003, 1, 1))
    context = mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))
    income = map_statement(0, _statement(IS, [("Amortization of intangibles", "150")], year), context)
    cash = map_statement(1, _statement(CF, [("Amortization of intangibles", "210"), ("Depreciation", "40")], year),
                         context)
    same = map_statement(2, _statement(CF, [("Amortization of intangibles", "150")], year), context)
    assert [f.concept for f in income.facts] == ["us-gaap:AmortizationOfIntangibleAssets"]
    assert cash.rows[0].extension and cash.rows[0].concept == "example:AmortizationOfIntangibles"
    assert [f.concept for f in same.facts] == ["us-gaap:AmortizationOfIntangibleAssets"]   # the same amount again


def test_net_income_printed_with_two_amounts_in_two_statements_is_withheld_whole(taxonomy):
    year = Period(date(2003, 12, 31), date(2003, 1, 1))
    context = mapping_context(taxonomy, Entity('s', 'X', 'Example Corp'))
    income = map_statement(0, _statement(IS, [("Revenues", "900"), ("Net income", "150")], year), context)
    cash = map_statement(1, _statement(CF, [("Net income", "15"), ("Depreciation", "40")], year), context)
    unique, withheld = deduplicate(income.facts + cash.facts)
    assert {(w.fact.concept, w.fact.value) for w in withheld} == {("us-gaap:NetIncomeLoss", Decimal(150000)),
                                                                  ("us-gaap:NetIncomeLoss", Decimal(15000))}
    assert "us-gaap:NetIncomeLoss" not in {f.concept for f in unique}


def test_parallel_lines_are_parts_and_neither_takes_the_whole_concept(taxonomy):
    values = _values(_statement(CF, [
        ("Proceeds from borrowings", "433"), ("Sale of Series A preferred stock, net of issuance costs", "0"),
        ("Sale of Series B preferred stock, net of issuance costs", "2251"),
        ("Net cash provided by financing activities", "2684")]), taxonomy)
    assert "ProceedsFromIssuanceOfPreferredStockAndPreferenceStock" not in values
    assert values["NetCashProvidedByUsedInFinancingActivities"] == 2684000
    total_above = _values(_statement(IS, [
        ("Total operating revenues", "900"), ("Net operating revenues", "850")]), taxonomy)
    assert total_above["Revenues"] == 900000     # worded apart: the first keeps its concept, the second does not


def test_an_opening_balance_printed_unlike_last_years_closing_one_withholds_that_date(taxonomy):
    years = [Period(date(2003, 12, 31), date(2003, 1, 1)), Period(date(2002, 12, 31), date(2002, 1, 1))]
    rows = [StatementRow(label, [Amount(Decimal(v), 0) for v in values], Measure.MONETARY, SourceRef("t", i + 1),
                         cell_sources=[SourceRef("t", i + 1, 40), SourceRef("t", i + 1, 60)])
            for i, (label, values) in enumerate([("Net increase in cash", ("20", "10")),
                                                  ("Cash at beginning of year", ("100", "80")),
                                                  ("Cash at end of year", ("120", "90"))])]
    statement = Statement(CF, "t", [Column("2003", ColumnRole.REPORTED, years[0]),
                                    Column("2002", ColumnRole.REPORTED, years[1])], rows, Scale(0, 0), SourceRef("t", 1))
    facts = map_statement(0, statement, mapping_context(taxonomy, Entity("s", "X", "Example Corp"))).facts
    unique, withheld = deduplicate(facts)
    cash = {str(f.period): f.value for f in unique if f.concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue"}
    assert cash == {"2003-12-31": 120, "2001-12-31": 80}      # 2002-12-31 is printed as 100 and as 90
    assert {(str(w.fact.period), w.code) for w in withheld} == {("2002-12-31", IssueCode.CONFLICTING_VALUES)}
