"""Regenerates the example rosters in this folder from the table below.

    python examples/make_rosters.py

All people, addresses and numbers are fictional; 東京未来大学 (Tokyo Mirai University) does
not exist. Dates in the Japanese CSV files are deliberately written in the mixed formats that
real exports contain; the XLSX files hold real Excel date cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
DOMAIN = "st.tokyo-mirai.ac.jp"

JA_HEADERS = [
    "学籍番号", "姓", "名", "セイ", "メイ", "ローマ字氏名", "メールアドレス", "学部", "学科",
    "講座名", "修了日", "発行日", "生年月日", "有効期限", "写真",
]  # fmt: skip

# 学籍番号, 姓, 名, セイ, メイ, ローマ字氏名, 学部, 学科, 講座名, 生年月日
JA_PEOPLE = [
    ("2510001", "髙橋", "陽菜", "タカハシ", "ヒナ", "TAKAHASHI Hina", "経済学部", "経済学科", "地域データ活用講座", dt.date(2003, 4, 2)),
    ("2510002", "山﨑", "大翔", "ヤマザキ", "ヒロト", "YAMAZAKI Hiroto", "経済学部", "経営学科", "データサイエンス基礎", dt.date(2004, 11, 30)),
    ("2510003", "佐藤", "結衣", "サトウ", "ユイ", "SATO Yui", "文学部", "日本文学科", "ビジネス英語実践講座", dt.date(2003, 7, 15)),
    ("2510004", "勅使河原", "美紗緒", "テシガワラ", "ミサオ", "TESHIGAWARA Misao", "文学部", "英米文学科", "地域データ活用講座", dt.date(2002, 12, 24)),
    ("2510005", "鈴木", "蓮", "スズキ", "レン", "SUZUKI Ren", "理工学部", "情報工学科", "データサイエンス基礎", dt.date(2004, 1, 9)),
    ("2510006", "宮﨑", "さくら", "ミヤザキ", "サクラ", "MIYAZAKI Sakura", "理工学部", "機械工学科", "地域データ活用講座", dt.date(2003, 3, 3)),
    ("2510007", "田中", "悠真", "タナカ", "ユウマ", "TANAKA Yuma", "国際教養学部", "国際教養学科", "ビジネス英語実践講座", dt.date(2004, 8, 21)),
    ("2510008", "髙木", "凛", "タカギ", "リン", "TAKAGI Rin", "経済学部", "経済学科", "データサイエンス基礎", dt.date(2003, 10, 1)),
    ("2510009", "伊藤", "芽依", "イトウ", "メイ", "ITO Mei", "文学部", "日本文学科", "地域データ活用講座", dt.date(2004, 5, 5)),
    ("2510010", "渡辺", "湊", "ワタナベ", "ミナト", "WATANABE Minato", "理工学部", "情報工学科", "データサイエンス基礎", dt.date(2002, 9, 17)),
    ("2510011", "スミス", "エミリー・ジェーン", "スミス", "エミリー・ジェーン", "SMITH Emily Jane", "国際教養学部", "国際教養学科", "日本語表現講座", dt.date(2001, 6, 11)),
    ("2510012", "小鳥遊", "ひより", "タカナシ", "ヒヨリ", "TAKANASHI Hiyori", "文学部", "英米文学科", "ビジネス英語実践講座", dt.date(2004, 2, 29)),
    ("2510013", "中村", "陽翔", "ナカムラ", "ハルト", "NAKAMURA Haruto", "経済学部", "経営学科", "地域データ活用講座", dt.date(2003, 12, 31)),
    ("2510014", "長谷川", "紬", "ハセガワ", "ツムギ", "HASEGAWA Tsumugi", "理工学部", "機械工学科", "データサイエンス基礎", dt.date(2004, 4, 1)),
    ("2510015", "五十嵐", "一之輔", "イガラシ", "イチノスケ", "IGARASHI Ichinosuke", "経済学部", "経済学科", "ビジネス英語実践講座", dt.date(1989, 1, 7)),
    ("2510016", "小林", "杏", "コバヤシ", "アン", "KOBAYASHI An", "文学部", "日本文学科", "地域データ活用講座", dt.date(1989, 1, 8)),
    ("2510017", "加藤", "颯太", "カトウ", "ソウタ", "KATO Sota", "理工学部", "情報工学科", "データサイエンス基礎", dt.date(2003, 5, 18)),
    ("2510018", "王", "芳", "オウ", "ホウ", "WANG Fang", "国際教養学部", "国際教養学科", "日本語表現講座", dt.date(2002, 3, 8)),
    ("2510019", "吉田", "葵", "ヨシダ", "アオイ", "YOSHIDA Aoi", "経済学部", "経営学科", "地域データ活用講座", dt.date(2004, 7, 7)),
    ("2510020", "山本", "樹", "ヤマモト", "イツキ", "YAMAMOTO Itsuki", "理工学部", "機械工学科", "データサイエンス基礎", dt.date(2003, 11, 23)),
    ("2510021", "東海林", "千尋", "ショウジ", "チヒロ", "SHOJI Chihiro", "文学部", "英米文学科", "ビジネス英語実践講座", dt.date(2003, 1, 20)),
    ("2510022", "松本", "晴", "マツモト", "ハル", "MATSUMOTO Haru", "経済学部", "経済学科", "地域データ活用講座", dt.date(2004, 9, 9)),
    ("2510023", "井上", "美月", "イノウエ", "ミツキ", "INOUE Mitsuki", "国際教養学部", "国際教養学科", "ビジネス英語実践講座", dt.date(2002, 10, 10)),
    ("2510024", "木村", "蒼", "キムラ", "アオ", "KIMURA Ao", "理工学部", "情報工学科", "データサイエンス基礎", dt.date(2003, 6, 6)),
    ("2510025", "林", "莉子", "ハヤシ", "リコ", "HAYASHI Riko", "文学部", "日本文学科", "地域データ活用講座", dt.date(2004, 3, 14)),
    ("2510026", "斎藤", "大和", "サイトウ", "ヤマト", "SAITO Yamato", "経済学部", "経営学科", "データサイエンス基礎", dt.date(2003, 8, 30)),
    ("2510027", "清水", "心春", "シミズ", "コハル", "SHIMIZU Koharu", "理工学部", "機械工学科", "地域データ活用講座", dt.date(2004, 12, 1)),
    ("2510028", "山口", "朝陽", "ヤマグチ", "アサヒ", "YAMAGUCHI Asahi", "国際教養学部", "国際教養学科", "ビジネス英語実践講座", dt.date(2003, 2, 14)),
    ("2510029", "髙﨑", "琴音", "タカサキ", "コトネ", "TAKASAKI Kotone", "文学部", "英米文学科", "地域データ活用講座", dt.date(2002, 11, 3)),
    ("2510030", "森", "奏", "モリ", "カナデ", "MORI Kanade", "経済学部", "経済学科", "データサイエンス基礎", dt.date(2004, 10, 25)),
]  # fmt: skip

COMPLETION = dt.date(2025, 3, 19)
ISSUE = dt.date(2025, 3, 25)
EXPIRY = dt.date(2029, 3, 31)

# People whose names CP932 cannot encode: they live in roster-ja-rare-kanji.csv (UTF-8).
RARE_PEOPLE = [
    ("2510031", "\U00020bb7田", "彩花", "ヨシダ", "アヤカ", "YOSHIDA Ayaka", "経済学部", "経済学科", "地域データ活用講座", dt.date(2003, 9, 12)),
    ("2510032", "\ufa10本", "智也", "ツカモト", "トモヤ", "TSUKAMOTO Tomoya", "理工学部", "情報工学科", "データサイエンス基礎", dt.date(2004, 6, 28)),
    ("2510033", "\u845b\U000e0100城", "真央", "カツラギ", "マオ", "KATSURAGI Mao", "文学部", "日本文学科", "地域データ活用講座", dt.date(2003, 4, 19)),
]  # fmt: skip


def _mixed(date: dt.date, style: int) -> str:
    """The date in one of the formats seen in real exports."""
    reiwa = date.year - 2018
    heisei = date.year - 1988
    styles = [
        f"{date.year}/{date.month}/{date.day}",
        date.isoformat(),
        f"令和{reiwa}年{date.month}月{date.day}日" if date >= dt.date(2019, 5, 1) else f"{date.year}年{date.month}月{date.day}日",
        f"R{reiwa}.{date.month}.{date.day}" if date >= dt.date(2019, 5, 1) else f"H{heisei}.{date.month}.{date.day}",
        f"R{reiwa:02d}.{date.month:02d}.{date.day:02d}" if date >= dt.date(2019, 5, 1) else f"{date.year}/{date.month:02d}/{date.day:02d}",
        f"{date.year}年{date.month}月{date.day}日",
    ]  # fmt: skip
    if dt.date(1989, 1, 8) <= date <= dt.date(2019, 4, 30) and style in (2, 4):
        return f"平成{heisei}年{date.month}月{date.day}日"
    if date < dt.date(1989, 1, 8) and style in (2, 3, 4):
        return f"昭和{date.year - 1925}年{date.month}月{date.day}日"
    return styles[style % len(styles)]


def _ja_row(person: tuple, index: int, *, as_text: bool) -> list[object]:
    sid, family, given, kana_f, kana_g, romaji, faculty, major, course, birth = person
    email = f"{sid}@{DOMAIN}"
    dates = [COMPLETION, ISSUE, birth, EXPIRY]
    if as_text:
        dates = [_mixed(date, index + offset) for offset, date in enumerate(dates)]
    return [sid, family, given, kana_f, kana_g, romaji, email, faculty, major, course, *dates,
            f"photos/{sid}.jpg"]  # fmt: skip


def _csv_bytes(rows: list[list[object]], encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _workbook(path: Path, headers: list[str], rows: list[list[object]], title: str) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy/m/d"
    workbook.save(path)


EN_HEADERS = [
    "Student ID", "Family Name", "Given Name", "Email", "Department", "Course Name",
    "Completion Date", "Issue Date", "Date of Birth", "Expiry Date", "Photo",
]  # fmt: skip
EN_PEOPLE = [
    (2590001, "Carter", "Emily", "Department of Economics", "Data Science Foundations", dt.date(2003, 5, 14)),
    (2590002, "Bennett", "Oliver", "Department of Computer Science", "Data Science Foundations", dt.date(2002, 8, 2)),
    (2590003, "Martínez", "Sofía", "Department of International Liberal Arts", "Practical Business English", dt.date(2004, 1, 27)),
    (2590004, "Nguyễn", "Thị Lan", "Department of Economics", "Japanese for Academic Purposes", dt.date(2003, 10, 5)),
    (2590005, "Al-Rashid", "Mohammed", "Department of Mechanical Engineering", "Data Science Foundations", dt.date(2001, 12, 19)),
    (2590006, "Sato", "Haruto", "Department of Computer Science", "Practical Business English", dt.date(2004, 3, 31)),
    (2590007, "Chen", "Wei", "Department of Business Administration", "Regional Data Literacy", dt.date(2003, 7, 8)),
    (2590008, "Müller", "Lukas", "Department of English Literature", "Japanese for Academic Purposes", dt.date(2002, 4, 16)),
    (2590009, "Okafor", "Amara", "Department of International Liberal Arts", "Regional Data Literacy", dt.date(2004, 9, 22)),
    (2590010, "Rossi", "Isabella", "Department of Japanese Literature", "Practical Business English", dt.date(2003, 2, 11)),
    (2590011, "O'Connor", "James", "Department of Economics", "Data Science Foundations", dt.date(2002, 6, 30)),
    (2590012, "von Hohenberg-Lichtenstein", "Maximilian Alexander", "Department of Mechanical Engineering", "Regional Data Literacy", dt.date(2001, 11, 1)),
]  # fmt: skip


def main() -> None:
    ja_text = [JA_HEADERS] + [_ja_row(p, i, as_text=True) for i, p in enumerate(JA_PEOPLE)]
    (HERE / "roster-ja.csv").write_bytes(_csv_bytes(ja_text, "cp932"))
    (HERE / "roster-ja-utf8bom.csv").write_bytes(_csv_bytes(ja_text, "utf-8-sig"))
    ja_cells = [_ja_row(p, i, as_text=False) for i, p in enumerate(JA_PEOPLE)]
    _workbook(HERE / "roster-ja.xlsx", JA_HEADERS, ja_cells, "名簿")
    rare = [JA_HEADERS] + [_ja_row(p, i, as_text=True) for i, p in enumerate(RARE_PEOPLE)]
    (HERE / "roster-ja-rare-kanji.csv").write_bytes(_csv_bytes(rare, "utf-8"))

    en_rows = [
        [sid, family, given, f"{given.split()[0].lower()}.{sid}@{DOMAIN}", dept, course,
         dt.date(2025, 3, 14), dt.date(2025, 3, 21), birth, dt.date(2029, 3, 31),
         f"photos/{sid}.jpg"]
        for sid, family, given, dept, course, birth in EN_PEOPLE
    ]  # fmt: skip
    _workbook(HERE / "roster-en.xlsx", EN_HEADERS, en_rows, "Students")


def all_student_ids() -> list[str]:
    people = [p[0] for p in JA_PEOPLE + RARE_PEOPLE] + [str(p[0]) for p in EN_PEOPLE]
    return people


if __name__ == "__main__":
    main()
