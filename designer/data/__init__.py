"""Rosters and fields: reading CSV/TSV/XLSX rosters, mapping columns to fields, dates and
Japanese eras, the field template language, and roster checks. Knows nothing of pages."""

from designer.data.binding import BoundRecord, bind_record, bind_roster, resolve_photo
from designer.data.check import character_coverage_check, check_roster, check_roster_file
from designer.data.dates import UnreadableDate, parse_date
from designer.data.fields import fields_used, render_text, validate
from designer.data.mapping import BUILTIN_FIELDS, ColumnMapping, map_columns, parse_map_options
from designer.data.problems import Problem
from designer.data.report import Report, print_report
from designer.data.roster import Record, Roster, read_roster

__all__ = [
    "BUILTIN_FIELDS",
    "BoundRecord",
    "ColumnMapping",
    "Problem",
    "Record",
    "Report",
    "Roster",
    "UnreadableDate",
    "bind_record",
    "bind_roster",
    "character_coverage_check",
    "check_roster",
    "check_roster_file",
    "fields_used",
    "map_columns",
    "parse_date",
    "parse_map_options",
    "print_report",
    "read_roster",
    "render_text",
    "resolve_photo",
    "validate",
]
