#!/usr/bin/env python3
"""Converts published administrative procedures and administrative units
into the kiosk's content sources (see docs/content.md).

Input: procedures as JSON lines (one procedure a line, as published on the
National Public Service Portal, table cells run together) and the 2025
administrative units (34 provinces/cities with their communes). Output: one
JSON file per procedure under OUT/procedures/ and one per province under
OUT/units/. Announcements are written by hand and never touched.

The published text runs table cells together ("Trực tiếp7 Ngày làm
việcMiễn phí..."). This tool splits it into fields only where the split is
certain; otherwise it keeps the published text whole in a "text" field. It
never makes up a fee or a processing time.

Standard library only.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

# Procedures a commune booth's villagers ask for most, by official code:
# civil status, certification, residence, identity, land, social insurance,
# poverty reduction, social support, adoption, grassroots mediation.
DEMO_CODES = [
    # Hộ tịch (civil status)
    "1.001193", "1.003583", "1.004884", "1.004772", "1.000689", "2.000986",
    "2.001023", "1.000656", "1.000419", "1.005461", "1.000894", "1.000593",
    "1.004746", "1.004873", "1.001022", "1.004837", "1.004845", "3.000323",
    "3.000322", "1.004859", "2.000635", "2.002516",
    # Chứng thực (certification)
    "2.000815", "2.000884", "2.000908", "2.000913", "2.000927", "2.000942",
    "2.000992", "2.001008", "2.001016", "2.001019", "2.001035", "2.001406",
    # Cư trú (residence)
    "1.004222", "1.004194", "1.002755", "1.003677", "1.003197", "1.010028",
    "1.010038", "1.010039", "1.010040", "1.010041", "1.013314", "2.001159",
    # Căn cước, định danh (identity)
    "1.014061", "1.014062", "1.014063", "1.014064", "3.000228",
    # Đất đai (land)
    "1.013978", "1.012812", "1.013967", "1.012796", "1.012817", "1.013979",
    # Bảo hiểm xã hội, bảo hiểm y tế (social and health insurance)
    "1.001613", "1.001667", "2.000693", "2.000821", "1.001939", "1.002179",
    "1.002759", "1.001601", "2.000740", "2.000717",
    # Giảm nghèo (poverty reduction)
    "1.011606", "1.011607", "1.011608", "1.011609", "3.000412",
    # Chính sách hỗ trợ (support for grassroots security volunteers)
    "1.012537", "1.012538",
    # Nuôi con nuôi (adoption)
    "2.001263", "2.001255",
    # Hòa giải ở cơ sở (grassroots mediation)
    "1.002211", "2.000930", "2.000950", "2.002080", "2.000424",
]

NONE_TEXT = "Không có thông tin"
INVISIBLE = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff\u00ad]")
# Vietnamese letters, for patterns that must tell capitals from small ones.
VN_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
UP = "[" + VN_LOWER.upper() + "]"
LOW = "[" + VN_LOWER + "]"
WAYS = {"Trực tuyến": "online", "Trực tiếp": "direct", "Dịch vụ bưu chính": "post"}


def clean(text):
    """NFC, no invisible marks or control characters, tidy spaces, trimmed.
    "Không có thông tin" (no information) becomes the empty string."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")
    text = re.sub(r"[ \u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text).strip()
    return "" if text == NONE_TEXT else text


def one_line(text):
    """clean(), with line breaks turned into spaces."""
    return re.sub(r"\s+", " ", clean(text)).strip()


# ---------------------------------------------------------------- channels

CHANNEL_HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
CHANNEL_START = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\d|" + NONE_TEXT + ")")
TIME_UNITS = "Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút|Tuần"
TIME = re.compile(r"(" + NONE_TEXT + r"|(\d+)(?:[.,]\d+)? (?:" + TIME_UNITS + r")|(\d+))")
FEE = re.compile(r"(Miễn phí|" + NONE_TEXT + r"|(\d[\d.,]*) ?(Việt Nam Đồng|VNĐ|Đồng|đồng|USD))")


def balanced(text):
    """Length of a leading "( ... )" group, or 0 when text does not start
    with one or it never closes."""
    if not text.startswith("("):
        return 0
    depth = 0
    for i, c in enumerate(text):
        depth += c == "("
        depth -= c == ")"
        if depth == 0:
            return i + 1
    return 0


def vnd(amount):
    """An amount such as "5,000" as whole dong, or None when it is not a
    plain amount or is too small to be a real fee (the portal sometimes
    publishes "20" meaning a fee written out in its note)."""
    digits = amount.replace(",", "").replace(".", "")
    if not digits.isdigit() or not re.fullmatch(r"\d{1,3}([.,]\d{3})*", amount):
        return None
    value = int(digits)
    return value if value >= 1000 else None


def parse_channel(way, body):
    """One row of the channels table: time, fee, fee note, description. Rows
    whose cells cannot be told apart are kept whole as "text"."""
    whole = {"way": way, "text": one_line(body)}
    t = TIME.match(body)
    if not t:
        return whole
    rest = body[t.end():]
    time_text = t.group(1)
    number = t.group(2) or t.group(3)
    # A bare number followed by more digits, or a three-digit one starting
    # with 1, may be a bare "1" run into the next cell: ambiguous.
    if t.group(3) is not None and rest[:1].isdigit():
        return whole
    if number is not None and len(number) >= 3 and number.startswith("1"):
        return whole
    f = FEE.match(rest)
    if not f:
        return whole
    ch = {"way": way}
    if time_text != NONE_TEXT:
        ch["time"] = time_text
    fee_text = f.group(1)
    rest = rest[f.end():]
    if fee_text == "Miễn phí":
        ch["fee"] = fee_text
        ch["fee_vnd"] = 0
    elif fee_text != NONE_TEXT:
        ch["fee"] = fee_text
        if f.group(3) != "USD":
            value = vnd(f.group(2))
            if value is not None:
                ch["fee_vnd"] = value
    n = balanced(rest)
    if n:
        note = one_line(rest[1:n - 1])
        if note:
            ch["fee_note"] = note
        rest = rest[n:]
    desc = clean(rest)
    if desc:
        ch["description"] = desc
    return ch


def parse_channels(text):
    """The channels table (how to submit, time, fee). Returns (channels,
    whole): whole is the published text when no row could be found."""
    text = unicodedata.normalize("NFC", text or "")
    if not text.startswith(CHANNEL_HEAD):
        return [], clean(text)
    body = text[len(CHANNEL_HEAD):]
    parts = CHANNEL_START.split(body)
    if parts[0].strip() or len(parts) < 3:
        return [], clean(body)
    return [parse_channel(WAYS[parts[i]], parts[i + 1]) for i in range(1, len(parts), 2)], ""


# ------------------------------------------------------------------ papers

PAPER_HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
ONE_COUNT = r"\d+ bản (?:chính|sao|chụp)"
# A count cell ends a row: it is followed by the end, the next row's first
# letter (capital, dash, plus, star, digit or bracket) or a group heading.
COUNT = re.compile(r"(" + ONE_COUNT + r"(?:, ?" + ONE_COUNT + r")*)"
                   r"(?=$|[-+*•(\[\"“0-9]|[^\W\d_])", re.UNICODE)
FORM_FILE = re.compile(r"\.(docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)$", re.IGNORECASE)
FORM_FILES = re.compile(r"\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)(?=[^\w]|[A-ZĐ]|$)", re.IGNORECASE)
FORM_CODE = re.compile(r"\b[Mm]ẫu (số )?([A-Z0-9][A-Za-zĐ0-9.\-/]*[A-Za-zĐ0-9])")


def split_form(cell):
    """Splits the name cell from the form files run into it ("... (Mẫu CT01
    ban hành kèm theo ...)1.MuCT01banhnhkm.doc"). Returns (name, form): the
    form is the template named in the text ("Mẫu CT01", "Mẫu số 01") or,
    failing that, a readable file name; "" when there is none."""
    name = cell
    files = ""
    first = FORM_FILES.search(cell)
    if first and FORM_FILE.search(cell):
        # "name.1.MuCT01 (3).doc": a copy number is part of the file name.
        head = re.sub(r"\s*\(\d+\)$", "", cell[:first.start()])
        # The name ends with ")", ";", ":", a full stop after a letter, or
        # where a Vietnamese word starts right after a small letter
        # ("QĐ-TTgGiấy đề nghị.pdf", but not "kmtheoThngts53.doc").
        ends = [m.end() for m in re.finditer(r"[);:]|(?<=" + LOW + r")\.|" + LOW + "(?=" + UP + "[a-z]*[^\\x00-\\x7f])",
                                            head)]
        ends = [e for e in ends if head[e:].strip(" .") and len(head) - e <= 120]
        if ends:
            name = head[:ends[-1]].strip()
            files = head[ends[-1]:].strip(" .")
    m = FORM_CODE.search(name)
    if m:
        return name, "Mẫu " + (m.group(1) or "") + m.group(2)
    # Many published file names lost their Vietnamese letters
    # ("MuCT01banhnhkm"): only a name with words is worth showing.
    if " " in files and not re.fullmatch(r"[\x20-\x7e]*", files):
        return name, files
    return name, ""


def parse_count(text):
    """"1 bản chính,1 bản sao" -> {"original": 1, "copy": 1}; photocopies
    (bản chụp) have no field and keep the whole text in "count"."""
    out = {}
    for n, kind in re.findall(r"(\d+) bản (chính|sao|chụp)", text):
        if kind == "chụp":
            return {"count": text}
        key = "original" if kind == "chính" else "copy"
        out[key] = out.get(key, 0) + int(n)
    return out


def group_title(text):
    """A group heading such as "* Giấy tờ phải nộp:" without its marks."""
    text = one_line(text).strip("-*•: ").strip()
    return text


def parse_papers(text):
    """The papers table: groups of rows (name, form file, count). Returns
    (papers, whole): whole is kept when the table cannot be read."""
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text or ""))
    if PAPER_HEAD not in text:
        return [], clean(text)
    chunks = text.split(PAPER_HEAD)
    papers = []
    group = group_title(chunks[0])
    for chunk in chunks[1:]:
        pos = 0
        for m in COUNT.finditer(chunk):
            cell = one_line(chunk[pos:m.start()])
            pos = m.end()
            if not cell:
                continue
            name, form = split_form(cell)
            paper = {}
            if group:
                paper["group"] = group
            paper["name"] = name
            if form:
                paper["form"] = form
            paper.update(parse_count(m.group(1)))
            papers.append(paper)
        group = group_title(chunk[pos:])
    if not papers:
        return [], clean(text)
    return papers, ""


# ------------------------------------------------- steps, results, legal basis

STEP_MARK = re.compile(r"(?<=\S)\s*(?=(?:[a-zđ]\) )?Bước \d+\s*[:.]?)")


def parse_steps(text):
    """Steps as paragraphs: one a line, and a new one at each "Bước N"."""
    text = clean(text)
    steps = []
    for line in text.split("\n"):
        for part in STEP_MARK.split(line):
            part = part.strip()
            if part.strip("-+*•. "):
                steps.append(part)
    return steps


RESULT_CODE = re.compile(r"Mã: ?[A-Z]{2,}(?:\.[A-Z]*\d+)*")
PORTAL_TAIL = re.compile(r"Từ khóa.*$", re.S)


def parse_results(text):
    """What the villager gets: the results before each "Mã: KQ..." code,
    without the portal's page text that follows."""
    text = PORTAL_TAIL.sub("", unicodedata.normalize("NFC", text or ""))
    out = []
    for part in RESULT_CODE.split(text):
        part = one_line(part).lstrip("-+* ").strip()
        if part:
            out.append(part)
    return out


LEGAL_HEAD = "Tên văn bản pháp lýMã văn bản"
# A document code: number, year, type and issuer ("123/2015/NĐ-CP",
# "24/2021/QĐ-TTg", "2222/QĐ-BHXH"), maybe after the kind of document.
LEGAL_CODE = re.compile(r"(?:(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư"
                        r"|Quyết định|Chỉ thị|Pháp lệnh)(?: số)? ?)?"
                        r"\d+(?:\.\d+)?(?:/\d{4})?/" + UP + "(?:" + UP + r"|[a-z0-9])*"
                        r"(?:-" + UP + "(?:" + UP + r"|[a-z0-9])*)*")
ISSUERS = set("""CP TTg BTC BTP BCA BXD BNNMT BNNPTNT BTNMT BLĐTBXH BYT BNV BHXH NHNN VPCP
UBND HĐND BGTVT BCT BKHĐT BQP BTTTT BGDĐT BVHTTDL BKHCN BNG TCHQ TCT TANDTC VKSNDTC KTNN
HĐTP BKH UBTVQH""".split())
ALLCAPS_NAME = re.compile(r"\s*(?:QUY ĐỊNH|BAN HÀNH|THÔNG TƯ|SỬA ĐỔI|NGHỊ ĐỊNH|NGHỊ QUYẾT|LUẬT|"
                          r"HƯỚNG DẪN|QUYẾT ĐỊNH|VỀ )")
NAME_START = re.compile(r"\s*" + UP + LOW + r"|\s+[-+(“\"]|-\s|[(“\"]")


def issuer_known(code):
    """True when the code ends with a known issuer ("NĐ-CP", "QH15")."""
    last = re.split(r"[-/]", code)[-1]
    return last in ISSUERS or re.fullmatch(r"(UBTV)?QH\d*", last) is not None


def best_end(text, start, code):
    """Where a code that starts at start ends. The code runs into the next
    document's name ("NĐ-CPSửa đổi", "QĐ-BHXHQUY ĐỊNH"), so every shorter
    reading is scored: a known issuer and a name-like start after it win.
    Returns the end, or -1 when no reading is plausible."""
    best, best_score = -1, 0
    for end in range(start + len(code), start, -1):
        piece = text[start:end]
        if not LEGAL_CODE.fullmatch(piece):
            continue
        after = text[end:]
        if after == "" or NAME_START.match(after) or ALLCAPS_NAME.match(after):
            score = 2
        elif re.match(LOW, after) and issuer_known(piece):
            score = 1
        else:
            continue
        score += 2 if issuer_known(piece) else 0
        if score > best_score:
            best, best_score = end, score
    return best


def legal_ends(text):
    """(start, end) of each code cell in the legal basis table: a code run
    into the name before it (no space, or after ";" or ")") and followed by
    the end or the next document's name."""
    ends = []
    for start in range(1, len(text)):
        prev = text[start - 1]
        if prev.isspace() and not re.search(r"[;)]\s+$", text[:start]):
            continue
        m = LEGAL_CODE.match(text, start)
        if not m:
            continue
        if m.group(0)[0].isdigit() and (prev.isalnum() or prev in "/.-"):
            # Inside a word or code, unless the name ends with a code and
            # this cell repeats it ("Luật 60/2014/QH1360/2014/QH13").
            before = [b for b in LEGAL_CODE.finditer(text[:start]) if b.end() == start]
            if before and not m.group(0).startswith(before[-1].group(0).split(" ")[-1]):
                continue
            # A date's year run into the code ("ngày 29/6/202443/2024/QH15").
            date = re.search(r"(\d{1,2}/\d{1,2}/|năm )\d{4}$", text[:start])
            sentence = prev == "." and not text[start - 2].isdigit()
            if not before and not date and not sentence and (prev.isdigit() or prev in "/.-"):
                continue
        end = best_end(text, start, m.group(0))
        if end > 0:
            ends.append((start, end))
    return ends


def parse_legal(text):
    """The legal basis table: [{"name", "code"}], the last item maybe
    without a code. Returns (items, whole); whole is the text when no
    item could be found."""
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text or ""))
    if not text.startswith(LEGAL_HEAD):
        return [], clean(text)
    body = text[len(LEGAL_HEAD):]
    items = []
    pos = 0
    for start, end in legal_ends(body):
        if start < pos:
            continue
        name = one_line(body[pos:start]).rstrip(";, ")
        if not name:
            continue
        items.append({"name": name, "code": body[start:end]})
        pos = end
    rest = one_line(body[pos:])
    if not items:
        return [], one_line(body)
    if rest:
        items.append({"name": rest})
    return items, ""


# -------------------------------------------------------------- procedures

def steps_spill(papers_text):
    """True when the published papers text is not a table but the end of
    the steps, cut off by the portal (some social insurance procedures:
    ") và nộp cho cơ quan BHXH. Bước 2. ...")."""
    text = clean(papers_text).lstrip("-")
    return bool(text) and PAPER_HEAD not in text and (
        text[0] in ");.,:" or text[0].islower() or text.startswith(("Bước", "a)")))


def convert(row):
    """One published procedure as the kiosk's source object. Lists whose
    published text cannot be split hold one {"text": ...} item instead."""
    proc = {
        "code": one_line(row["ma_thu_tuc"]),
        "name": one_line(row["ten_thu_tuc"]),
        "field": one_line(row.get("linh_vuc")),
        "level": one_line(row.get("cap_thuc_hien")),
    }
    for key, src in (("applicants", "doi_tuong_thuc_hien"), ("decision", "so_quyet_dinh")):
        value = one_line(row.get(src))
        if value:
            proc[key] = value
    channels, whole = parse_channels(row.get("cach_thuc_thuc_hien"))
    proc["channels"] = channels if channels else ([{"text": whole}] if whole else [])
    steps_text = row.get("trinh_tu_thuc_hien") or ""
    papers_text = row.get("thanh_phan_ho_so") or ""
    if steps_spill(papers_text):
        steps_text, papers_text = steps_text + papers_text, ""
    papers, whole = parse_papers(papers_text)
    if not papers and re.fullmatch(r"[-\s]*(KQ\.[A-Z0-9.]*)?[-\s]*", whole):
        whole = ""
    proc["papers"] = papers if papers else ([{"text": whole}] if whole else [])
    proc["steps"] = parse_steps(steps_text)
    conditions = clean(row.get("yeu_cau_dieu_kien"))
    if conditions:
        proc["conditions"] = conditions
    proc["results"] = parse_results(row.get("ket_qua_xu_ly"))
    legal, whole = parse_legal(row.get("can_cu_phap_ly"))
    proc["legal_basis"] = legal if legal else ([{"text": whole}] if whole else [])
    url = one_line(row.get("detail_url"))
    if url:
        proc["source"] = url
    return proc


def is_misfiled(row):
    """Rows whose "name" is the title of a provincial decision publishing a
    list of procedures ("Công bố Danh mục và Quy trình nội bộ thủ tục hành
    chính ..."), not a procedure's: they would mislead villagers."""
    name = one_line(row.get("ten_thu_tuc"))
    return re.match(r"Công bố Danh mục (và Quy trình nội bộ )?thủ tục hành chính", name) is not None


def write_json(path, obj):
    """Writes obj as indented UTF-8 JSON, atomically."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, path)


def import_procedures(path, out, codes):
    """Converts the rows of path whose code is in codes (all when None).
    Returns the number written; misses are reported."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows.setdefault(row["ma_thu_tuc"].strip(), row)
    wanted = codes if codes is not None else sorted(rows)
    folder = os.path.join(out, "procedures")
    os.makedirs(folder, exist_ok=True)
    written = 0
    for code in wanted:
        row = rows.get(code)
        if row is None:
            print(f"{path}: no procedure {code}", file=sys.stderr)
            continue
        if is_misfiled(row):
            print(f"{path}: {code}: skipped, its name is not a procedure's", file=sys.stderr)
            continue
        proc = convert(row)
        if not proc["code"] or not proc["name"] or not proc["field"]:
            print(f"{path}: {code}: skipped, no name or field", file=sys.stderr)
            continue
        write_json(os.path.join(folder, proc["code"] + ".json"), proc)
        written += 1
    return written


# ------------------------------------------------------------------- units

UNIT_KINDS = ("Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu")


def unit(code, name):
    """{"code", "name", "kind"}, with the kind word's capital restored
    ("xã Bắc Sơn" is published once in lower case)."""
    name = one_line(name)
    for kind in UNIT_KINDS:
        if name.lower().startswith(kind.lower() + " "):
            return {"code": code, "name": kind + name[len(kind):], "kind": kind}
    raise ValueError(f"{code} {name}: unknown kind of unit")


def import_units(path, out):
    """One file per province: units/CODE.json. Returns (provinces, communes)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    folder = os.path.join(out, "units")
    os.makedirs(folder, exist_ok=True)
    communes = 0
    for p in data:
        prov = unit(p["Code"], p["FullName"])
        prov["communes"] = [unit(w["Code"], w["FullName"]) for w in p["Wards"]]
        communes += len(prov["communes"])
        write_json(os.path.join(folder, prov["code"] + ".json"), prov)
    return len(data), communes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--procedures", help="procedures, JSON lines (commune.jsonl or national.jsonl)")
    ap.add_argument("--units", help="administrative units JSON (vn_units_*.json)")
    ap.add_argument("--out", required=True, help="content source folder (assets/catalog)")
    ap.add_argument("--all", action="store_true",
                    help="import every procedure of the file, not only the demo selection")
    args = ap.parse_args()
    if not args.procedures and not args.units:
        ap.error("nothing to do: give --procedures and/or --units")
    if args.procedures:
        n = import_procedures(args.procedures, args.out, None if args.all else DEMO_CODES)
        print(f"{n} procedures written to {os.path.join(args.out, 'procedures')}")
    if args.units:
        p, c = import_units(args.units, args.out)
        print(f"{p} provinces, {c} communes written to {os.path.join(args.out, 'units')}")


if __name__ == "__main__":
    main()
