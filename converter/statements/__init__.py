"""From reader tables to statements: what kind each table is, its columns' periods and roles, its scale."""
from converter.statements.build import build_statements

__all__ = ["build_statements"]
