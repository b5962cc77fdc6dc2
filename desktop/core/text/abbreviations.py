"""German abbreviations and ordinals that end in a period but do not end a sentence.

Written for Lagebild. Punkt's trained German model knows some abbreviations; news about
armed forces adds ranks, units, dates and ordinals (``die 10. Panzerdivision``,
``am 3. Oktober``) that it splits wrongly. ``merge_false_breaks`` joins such splits again.
"""

from __future__ import annotations

import re

# Single-token abbreviations (lower-case, without the final period).
_SINGLE = """
abb abs abt adm allg anm art aufl bd bde bearb betr bspw bzgl bzw ca chr dgl dipl
div dr dt ebd eig einschl entspr erg etc evtl exkl fa fam ff fig gbr gen gegr ggf
ggü gr hptm hr hrsg inkl insb int jh jhd jr kap kdr kfz kl kol kpt lt ltd max mdb
mdl min mind mio mrd mrz nachf nat nr obd oblt obstlt oberstlt obst od olt o.ä
pkt pkw pol pp prof prov rd rep resp rgt röm sen sog sr st std stellv str stv
tab tel tsd ugs uffz urspr usf usw verf vgl vors vs wg wiss zb zt ziff zzgl
jan feb febr mär apr jun jul aug sep sept okt nov dez
mo di mi do fr sa so
brig brigg korv kptlt fkpt kkpt hauptm feldw stuffz ofw hfw stfw gefr ogefr hgefr
""".split()

# Abbreviations written with inner periods and spaces, as regexes over the text that
# ends a candidate sentence: "z. B.", "u. a.", "a. D.", "d. h.", "i. d. R." ...
_MULTI = [
    r"z\.\s?B", r"u\.\s?a", r"a\.\s?D", r"d\.\s?h", r"v\.\s?a", r"o\.\s?ä", r"s\.\s?o",
    r"s\.\s?u", r"u\.\s?U", r"i\.\s?d\.\s?R", r"z\.\s?T", r"u\.\s?ä", r"v\.\s?Chr",
    r"n\.\s?Chr", r"i\.\s?A", r"i\.\s?V", r"u\.\s?v\.\s?m", r"z\.\s?Zt", r"m\.\s?E",
    r"o\.\s?g", r"a\.\s?a\.\s?O", r"b\.\s?w", r"i\.\s?R", r"U\.\s?S", r"d\.\s?J",
]
_MULTI_END = re.compile(r"(?:^|[\s(\"„])(?:" + "|".join(_MULTI) + r")\.$")
_SINGLE_END = re.compile(r"(?:^|[\s(\"„/-])([A-Za-zÄÖÜäöüß]+)\.$")
_ORDINAL_END = re.compile(r"(?:^|\s)(\S+\s+)?(\d{1,3})\.$")
_DATE_END = re.compile(r"(?:^|\s)\d{1,2}\.(?:\d{1,2}\.)?$")

MONTHS = (
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November "
    "Dezember"
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


_CLOSERS = "“”\"’»«)]"
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
