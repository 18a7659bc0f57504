"""legacy-xbrl: legacy SEC EDGAR filings to XBRL 2.1."""
__version__ = "0.1.0"
