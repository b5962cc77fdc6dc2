"""German abbreviations and ordinals that end in a period but do not end a sentence.

Written for Lagebild. Punkt's trained German model knows some abbreviations; news about
armed forces adds ranks, units, dates and ordinals (``die 10. Panzerdivision``,
``am 3. Oktober``) that it splits wrongly. ``merge_false_breaks`` joins such splits again.
"""

from __future__ import annotations

import re

# Single-token abbreviations as German newspapers write them, without the final period,
# grouped by kind (the tests write a sentence for each kind and run every entry through the
# splitter). Matching ignores case. Words that are also ordinary German words at the end
# of a sentence ("sich", "dir", "mag", "log", "bat", "wo", "Krim", "Iran") are left out on
# purpose: joining two real sentences is worse than splitting after a rare abbreviation.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "title": tuple(
        """
        Abg Bgm BM Bmin Dipl Dr Prof Hr Hrn Ing MdB MdL MdEP Präs Vizepräs Vors
        Stellv stellv Stv stv ehem Sen Jr Sr Pfr Botsch Gouv Präf Staatsanw Ri
        Korr Red Mitarb Ang Hg Hrsg Verf
        """.split()
    ),
    "office": tuple(
        """
        Staatssekr Staatsmin Bundesmin Min Reg Verw Ausw Abt Ref Az Drs Ges Beschl Urt Erl
        Bek Anl Bl Bez Kr Lkr Landkr Gde Gem Dep Prov Bt Fa Nachf Verl Ausg Aufl
        """.split()
    ),
    "rank": tuple(
        """
        Gen GenLt GenMaj Brig BrigGen Oberstlt Obstlt Obst Maj Hptm Hauptm Oblt Olt Lt
        Fähnr OFähnr Fhj StFw OStFw HFw OFw Fw StUffz Uffz OGefr HGefr Gefr Adm VAdm KAdm
        FltlAdm Kpt Kptlt KptLt FKpt KKpt Kdr Kdt Insp GenInsp Sgt Kpl Feldw
        """.split()
    ),
    "unit": tuple(
        """
        Btl Regt Rgt Bde Div Kp Komp Zg Gru Bttr Battr Esk Geschw Staff Flottl Inf Pz
        PzGren Gren Jg Pi Fm Fla FlaRak Lw Mar Res Bw Kdo Stb Ausb San Korv Brigg
        """.split()
    ),
    "time": tuple(
        """
        Jh Jhd Jhdt Jan Jän Feb Febr Mär Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez
        Mo Di Mi Do Fr Sa So Std Min Sek Mon Hj Quart vorm nachm abds tägl wöchentl
        monatl jährl zzt gegr geb gest verh
        """.split()
    ),
    "general": tuple(
        """
        Abb Abs Anm Art Bd Bsp bspw bzgl bzw ca Chr dgl Co Corp Inc Ltd dt engl frz russ
        ukr amerik brit chin ital span poln türk isr lat griech arab hebr jap ebd eig
        einschl entspr erg etc evtl exkl inkl insb zzgl abzgl ff Fig ggf ggü gr Kap Kl
        Kfz Pkw Lkw max mind Mio Mrd Tsd Mill Nr Pkt Tel Hbf Bhf Str Pl Flugh Tab Ziff
        allg bes betr eigtl ev kath näml vorl zus zw urspr usf usw vgl vs wg wiss zB zT
        od sog spez lfd rd röm bearb Int Nat Pol Rep resp Prov Fam Anh Kfm Anl
        """.split()
    ),
}
_SINGLE = {word.lower() for words in ABBREVIATIONS.values() for word in words}

# Abbreviations written with inner periods and spaces, as regexes over the text that
# ends a candidate sentence: "z. B.", "u. a.", "a. D.", "d. h.", "i. d. R." ...
_MULTI = [
    r"z\.\s?B",
    r"u\.\s?a",
    r"a\.\s?D",
    r"d\.\s?h",
    r"v\.\s?a",
    r"o\.\s?ä",
    r"s\.\s?o",
    r"s\.\s?u",
    r"u\.\s?U",
    r"i\.\s?d\.\s?R",
    r"z\.\s?T",
    r"u\.\s?ä",
    r"v\.\s?Chr",
    r"n\.\s?Chr",
    r"i\.\s?A",
    r"i\.\s?V",
    r"u\.\s?v\.\s?m",
    r"z\.\s?Zt",
    r"m\.\s?E",
    r"o\.\s?g",
    r"a\.\s?a\.\s?O",
    r"b\.\s?w",
    r"i\.\s?R",
    r"U\.\s?S",
    r"d\.\s?J",
    r"e\.\s?V",
    r"o\.\s?Ä",
    r"i\.\s?d\.\s?F",
    r"a\.\s?M",
    r"i\.\s?G",
    r"z\.\s?S",
    r"z\.\s?Hd",
    r"u\.\s?d\.\s?M",
]
_MULTI_END = re.compile(r"(?:^|[\s(\"„])(?:" + "|".join(_MULTI) + r")\.$")
# A period may join abbreviations too ("Pz.Btl.", "Gen.Insp.").
_SINGLE_END = re.compile(r"(?:^|[\s(\"„/.-])([A-Za-zÄÖÜäöüß]+)\.$")
_ORDINAL_END = re.compile(r"(?:^|\s)(\S+\s+)?(\d{1,3})\.$")
_DATE_END = re.compile(r"(?:^|\s)\d{1,2}\.(?:\d{1,2}\.)?$")

MONTHS = (
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember"
).split()
# Words before a number that make "N." an ordinal rather than a sentence end.
_ORDINAL_LEAD = set(
    "am im vom zum zur beim der die das den dem des seit ab bis zu ihr ihre ihrem ihren "
    "sein seine seinem seinen seiner unser unsere dessen deren jede jeder jedes".split()
)
# Heads that follow ordinals in military and news German.
_ORDINAL_HEAD = re.compile(
    r"^(?:" + "|".join(MONTHS) + r"|\w*(?:[Dd]ivision|[Bb]rigade|[Aa]rmee|[Rr]egiment|"
    r"[Bb]ataillon|[Kk]orps|[Ff]lotte|[Gg]eschwader|[Kk]ompanie|[Ll]uftlandedivision|"
    r"Jahrhundert|Jahrestag|Mal|Sanktionspaket|Paket|Runde|Platz|Klasse|Welle|Stufe|"
    r"Kongress|Parteitag|Tag|Woche|Quartal|Amtszeit|Legislaturperiode))\b"
)


def punkt_types() -> set[str]:
    """Our abbreviations in Punkt's form (lower case, inner periods, no final period)."""
    return set(_SINGLE)


def count() -> int:
    """How many single-token abbreviations the splitter knows."""
    return len(_SINGLE)


def _ends_with_abbreviation(before: str, after: str) -> bool:
    if _MULTI_END.search(before):
        return True
    single = _SINGLE_END.search(before)
    if single and single.group(1).lower() in _SINGLE:
        word = single.group(1).lower()
        # "usw." and "etc." often end a sentence; only join when the next word says so.
        return word not in {"usw", "etc", "usf"} or _starts_lower(after)
    return False


def _is_ordinal_or_date(before: str, after: str) -> bool:
    if _DATE_END.search(before) and re.match(r"\d{2,4}\b", after):
        return True  # "24.02.2022" written "24. 02. 2022" or "24.02. 2022"
    ordinal = _ORDINAL_END.search(before)
    if not ordinal:
        return False
    lead = (ordinal.group(1) or "").strip().lower()
    return bool(_ORDINAL_HEAD.match(after)) or lead in _ORDINAL_LEAD or _starts_lower(after)


def _starts_lower(after: str) -> bool:
    return bool(after) and after[0].islower()


_CLOSERS = '“”"’»«)]'
_INITIAL_END = re.compile(r"(?:^|[\s(\"„])[A-Za-zÄÖÜäöü]\.$")


def _realign_closers(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give closing quotes and brackets that start a span back to the sentence before."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            pos = start
            while pos < end and chunk[pos] in _CLOSERS:
                pos += 1
            if pos > start and (pos == end or not chunk[pos].isalnum()):
                out[-1] = (out[-1][0], pos)
                start = pos
        if start < end:
            out.append((start, end))
    return out


def merge_false_breaks(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentence spans that Punkt split after an abbreviation or ordinal."""
    merged: list[tuple[int, int]] = []
    for start, end in _realign_closers(chunk, spans):
        if merged:
            prev_start, prev_end = merged[-1]
            before = chunk[prev_start:prev_end].rstrip()
            after = chunk[start:end].lstrip()
            if before.endswith((".", ".“", '."', ".”", ".«", ".»", ".)")) and (
                _INITIAL_END.search(before)  # "z. B.", "a. D.", "Kim J. Un"
                or _ends_with_abbreviation(before, after)
                or _is_ordinal_or_date(before, after)
                or _starts_lower(after)
            ):
                merged[-1] = (prev_start, end)
                continue
            if before.endswith(("!", "?", "!“", "?“", '!"', '?"')) and (
                _starts_lower(after) or after[:1] in ",;:"
            ):
                merged[-1] = (prev_start, end)  # „Wir kommen!“, sagte er.
                continue
        merged.append((start, end))
    return merged
