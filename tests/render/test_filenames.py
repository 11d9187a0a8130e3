"""File names made from patterns must be valid on Windows and distinct per record."""

from __future__ import annotations

import pytest

from designer.render.filenames import UniqueNames, safe_filename, unique_filenames


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("S001_山田　太郎.pdf", "S001_山田　太郎.pdf"),
        ('a<b>c:d"e/f\\g|h?i*j.pdf', "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("nul", "_nul"),
        ("com1.report.pdf", "_com1.report.pdf"),
        ("LPT9", "_LPT9"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("name. . .pdf", "name.pdf"),
        ("trailing dots...", "trailing dots"),
        ("tab\there\nnew.pdf", "tab here new.pdf"),
        ("\x01\x02.pdf", "unnamed.pdf"),
        ("", "unnamed"),
    ],
)
def test_safe_filename(raw, safe):
    assert safe_filename(raw) == safe


def test_long_names_are_cut_keeping_the_extension():
    name = safe_filename("長" * 300 + ".pdf")
    assert len(name) == 120
    assert name.endswith("長.pdf")


def test_duplicates_get_numbers_ignoring_case():
    assert unique_filenames(["S1_山田.pdf", "S1_山田.pdf", "s1_山田.PDF", "S2.pdf"]) == [
        "S1_山田.pdf", "S1_山田 (2).pdf", "s1_山田 (3).PDF", "S2.pdf",
    ]  # fmt: skip
    names = UniqueNames()
    assert names.claim("a") == "a"
    assert names.claim("a") == "a (2)"
