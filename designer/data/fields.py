"""Field templates for text elements and file names: ``{{ full_name }}``, with filters.

The grammar is deliberately tiny and is parsed here, not by a general template engine, so a
template can never run code::

    template   := ( text | "{{" expression "}}" )*
    expression := ( field | string ) ( "|" filter )*
    filter     := name [ "(" [ literal ( "," literal )* ] ")" ]
    literal    := string | number        string := '…' | "…"

Field names are identifiers (Japanese headers such as 通学区間 included). There is no
attribute access, indexing, call, operator or statement (``{% %}``, ``{# #}``); each is refused
with a message quoting the offending text. A line of the template that holds at least one
field and whose fields all come out empty is removed (blank-line suppression).

Values: ``datetime.date`` values print as 2025-04-01 unless a date filter formats them. The
date filters also accept text and read it with :func:`designer.data.dates.parse_date`; text that
is not a date raises ShoshoError naming the field and the value. A field missing from the
values prints as "".
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from designer.data import dates
from designer.data.textforms import hankaku, kanji_digits, zenkaku
from designer.errors import ShoshoError

Literal = str | int | float


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if value is None or _text(value).strip() == "":
        return None
    return dates.parse_date(value)


def _date_filter(format_date: Callable[[dt.date], str]) -> Callable[[object], str]:
    def apply(value: object) -> str:
        date = _as_date(value)
        return "" if date is None else format_date(date)

    return apply


def _date_with_pattern(value: object, pattern: str) -> str:
    date = _as_date(value)
    return "" if date is None else dates.format_date(date, pattern)


def _default(value: object, fallback: str) -> object:
    return fallback if _text(value) == "" else value


@dataclass(frozen=True)
class FilterSpec:
    function: Callable[..., object]
    arguments: tuple[str, ...] = ()  # names of the required arguments, for messages
    check: Callable[..., None] | None = None  # validates literal arguments when compiling


FILTERS: dict[str, FilterSpec] = {
    "wareki": FilterSpec(_date_filter(dates.format_wareki)),
    "wareki_kanji": FilterSpec(_date_filter(dates.format_wareki_kanji)),
    "date": FilterSpec(_date_with_pattern, ("format",), dates.check_date_format),
    "date_en": FilterSpec(_date_filter(dates.format_date_en)),
    "date_us": FilterSpec(_date_filter(dates.format_date_us)),
    "upper": FilterSpec(lambda value: _text(value).upper()),
    "zenkaku": FilterSpec(lambda value: zenkaku(_text(value))),
    "hankaku": FilterSpec(lambda value: hankaku(_text(value))),
    "kanji_digits": FilterSpec(lambda value: kanji_digits(_text(value))),
    "default": FilterSpec(_default, ("text",)),
}


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TemplateError(ShoshoError):
    """A field template that cannot be used; the message quotes the offending text."""

    def __init__(self, template: str, problem: str, snippet: str | None = None) -> None:
        where = f" in `{snippet}`" if snippet is not None else ""
        super().__init__(f"field template {_shorten(template)!r}: {problem}{where}")
        self.template = template
        self.snippet = snippet


@dataclass(frozen=True)
class Expression:
    source: str  # the whole {{ … }}, for messages
    field: str | None  # None when the expression starts with a string literal
    constant: str
    filters: tuple[tuple[str, tuple[Literal, ...]], ...]

    def evaluate(self, values: Mapping[str, object]) -> str:
        value: object = self.constant if self.field is None else values.get(self.field, "")
        for name, arguments in self.filters:
            try:
                value = FILTERS[name].function(value, *arguments)
            except ShoshoError as error:
                raise ShoshoError(f"`{self.source}`: {error}") from None
        return _text(value)


Part = str | Expression


@dataclass(frozen=True)
class CompiledTemplate:
    source: str
    lines: tuple[tuple[Part, ...], ...]
    fields: frozenset[str]

    def render(self, values: Mapping[str, object]) -> str:
        out: list[str] = []
        for parts in self.lines:
            pieces: list[str] = []
            has_field = False
            any_filled = False
            for part in parts:
                if isinstance(part, str):
                    pieces.append(part)
                    continue
                text = part.evaluate(values)
                pieces.append(text)
                if part.field is not None:
                    has_field = True
                    any_filled = any_filled or text != ""
            if has_field and not any_filled:
                continue
            out.append("".join(pieces))
        return "\n".join(out)


class _ExpressionParser:
    """Parses the inside of one ``{{ … }}``."""

    def __init__(self, template: str, source: str, inner: str) -> None:
        self.template = template
        self.source = source
        self.text = inner
        self.pos = 0

    def fail(self, problem: str) -> TemplateError:
        return TemplateError(self.template, problem, self.source)

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def name(self) -> str | None:
        self.skip_space()
        start = self.pos
        while self.pos < len(self.text) and (
            self.text[self.pos].isalnum() or self.text[self.pos] == "_"
        ):
            self.pos += 1
        word = self.text[start : self.pos]
        if word.isidentifier():
            return word
        self.pos = start
        return None

    def string(self) -> str:
        quote = self.text[self.pos]
        self.pos += 1
        chars: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 1
            if char == "\\" and self.pos < len(self.text):
                chars.append(self.text[self.pos])
                self.pos += 1
            elif char == quote:
                return "".join(chars)
            else:
                chars.append(char)
        raise self.fail(f"the text starting with {quote} is not closed")

    def literal(self) -> Literal:
        char = self.peek()
        if char in "'\"" and char:
            return self.string()
        start = self.pos
        while self.pos < len(self.text) and (
            self.text[self.pos].isdigit() or self.text[self.pos] in ".-"
        ):
            self.pos += 1
        number = self.text[start : self.pos]
        if self.pos < len(self.text) and (
            self.text[self.pos].isalnum() or self.text[self.pos] in "+_"
        ):
            self.pos = start
            raise self.fail(
                f"{self._rest()!r} is not allowed here: a filter argument must be quoted text "
                'or a plain number, e.g. default("—") or default("1e400")'
            )
        try:
            return float(number) if "." in number else int(number)
        except ValueError:
            self.pos = start
            raise self.fail(
                f"{self._rest()!r} is not allowed here: a filter argument must be quoted text "
                'or a number, e.g. default("—")'
            ) from None

    def _rest(self) -> str:
        return _shorten(self.text[self.pos :].strip(), 30)

    def parse(self) -> Expression:
        field: str | None = None
        constant = ""
        char = self.peek()
        if not char:
            raise self.fail("the braces are empty; put a field name in them, e.g. {{ full_name }}")
        if char in "'\"":
            constant = self.string()
        else:
            field = self.name()
            if field is None:
                raise self.fail(
                    f"{self._rest()!r} is not a field name; only field names and filters are "
                    "allowed, e.g. {{ completion_date | wareki }}"
                )
        filters: list[tuple[str, tuple[Literal, ...]]] = []
        while True:
            char = self.peek()
            if not char:
                break
            if char != "|":
                raise self.fail(self._not_allowed(char))
            self.pos += 1
            filter_name = self.name()
            if filter_name is None:
                raise self.fail("a filter name is missing after '|'")
            arguments: list[Literal] = []
            if self.peek() == "(":
                self.pos += 1
                if self.peek() == ")":
                    self.pos += 1
                else:
                    while True:
                        arguments.append(self.literal())
                        char = self.peek()
                        self.pos += 1
                        if char == ")":
                            break
                        if char != ",":
                            raise self.fail(f"')' is missing after the arguments of {filter_name}")
            filters.append((filter_name, tuple(arguments)))
            self._check_filter(filter_name, arguments)
        return Expression(self.source, field, constant, tuple(filters))

    def _not_allowed(self, char: str) -> str:
        rest = self._rest()
        if char == ".":
            what = "attribute access ('.')"
        elif char == "[":
            what = "indexing ('[')"
        elif char == "(":
            what = "calling ('(')"
        else:
            what = f"{rest!r}"
        return f"{what} is not allowed; a field can only be followed by '| filter'"

    def _check_filter(self, name: str, arguments: list[Literal]) -> None:
        spec = FILTERS.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, FILTERS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise self.fail(f"unknown filter {name!r}{hint}; filters: {', '.join(FILTERS)}")
        if len(arguments) != len(spec.arguments):
            if spec.arguments:
                wanted = f"takes {len(spec.arguments)} argument ({', '.join(spec.arguments)})"
            else:
                wanted = "takes no arguments"
            raise self.fail(f"filter {name} {wanted}, not {len(arguments)}")
        if spec.arguments and not all(isinstance(argument, str) for argument in arguments):
            raise self.fail(f"the argument of filter {name} must be quoted text")
        if spec.check is not None:
            try:
                spec.check(*arguments)
            except ShoshoError as error:
                raise self.fail(str(error)) from None


def _find_close(template: str, start: int) -> int:
    """Index of the ``}}`` closing the ``{{`` at ``start``, skipping quoted text; -1 if none."""
    pos = start + 2
    quote = ""
    while pos < len(template):
        char = template[pos]
        if quote:
            if char == "\\":
                pos += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif template.startswith("}}", pos):
            return pos
        pos += 1
    return -1


@lru_cache(maxsize=2048)
def compile_template(template: str) -> CompiledTemplate:
    """Parse and check a template once; the result is cached by its text."""
    parts: list[Part] = []
    pos = 0
    while True:
        start = template.find("{", pos)
        while start != -1 and template[start + 1 : start + 2] not in ("{", "%", "#"):
            start = template.find("{", start + 1)
        if start == -1:
            parts.append(template[pos:])
            break
        parts.append(template[pos:start])
        opener = template[start : start + 2]
        if opener in ("{%", "{#"):
            closer = "%}" if opener == "{%" else "#}"
            end = template.find(closer, start)
            snippet = template[start : end + 2] if end != -1 else template[start:]
            kind = "statements" if opener == "{%" else "comments"
            raise TemplateError(
                template,
                f"{kind} ({opener} … {closer}) are not allowed; only {{{{ field | filter }}}}",
                _shorten(snippet),
            )
        end = _find_close(template, start)
        if end == -1:
            raise TemplateError(
                template, "'{{' is not closed with '}}'", _shorten(template[start:], 40)
            )
        source = template[start : end + 2]
        parts.append(_ExpressionParser(template, source, template[start + 2 : end]).parse())
        pos = end + 2

    lines: list[list[Part]] = [[]]
    for part in parts:
        if isinstance(part, str):
            first, *rest = part.split("\n")
            if first:
                lines[-1].append(first)
            for piece in rest:
                lines.append([piece] if piece else [])
        else:
            lines[-1].append(part)
    fields = frozenset(
        part.field for part in parts if isinstance(part, Expression) and part.field is not None
    )
    return CompiledTemplate(template, tuple(tuple(line) for line in lines), fields)


def render_text(template: str, values: Mapping[str, object]) -> str:
    """The template with every field filled from ``values``; raises ShoshoError on a bad
    template or on a date filter given a value that is not a date."""
    return compile_template(template).render(values)


def fields_used(template: str) -> set[str]:
    """The field names a template refers to (not counting filter arguments)."""
    return set(compile_template(template).fields)


def validate(template: str) -> None:
    """Raise ShoshoError (a TemplateError quoting the offending text) if the template cannot
    be used: a syntax error, an unknown filter, a wrong argument, a statement."""
    compile_template(template)
