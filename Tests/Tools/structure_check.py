#!/usr/bin/env python3
"""Reads a tagged PDF back and checks what PDF/UA-1 (ISO 14289-1) asks of its structure.

- the catalog has /MarkInfo << /Marked true >>, /Lang, /StructTreeRoot and DisplayDocTitle;
- every painting operator of every page (text shows, path paints, XObjects) is inside a tagged
  sequence (BDC with an MCID) or an Artifact, and the two never nest (§7.1); marked-content
  sequences and text objects (BT…ET) nest properly;
- the MCIDs in the content streams, in the ParentTree and in the elements' /K agree;
- every element's /P is its parent; tables hold only rows, rows only TH/TD cells (§7.2); TH cells
  have /Scope (§7.5); figures have /Alt (§7.3); the first heading is H1 (§7.4);
- with --order, the text read in structure order contains the given strings in that order.

Prints a JSON summary (roles, headings, the ParentTree's leaves, the text in structure order) and the problems found;
exits 1 when there is any. Needs pikepdf and pdfminer.six.

    structure_check.py FILE.pdf [--order TEXT TEXT ...] [--tables N] [--figures N] [--headings N]
"""
import argparse
import json
import sys

import pikepdf
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdffont import PDFUnicodeNotDefined

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "EI"}
TABLE_KIDS = {"TR", "THead", "TBody", "TFoot", "Caption"}
SECTION_KIDS = {"TR"}
ROW_KIDS = {"TH", "TD"}


def check_content(pdf, problems):
    """The MCIDs each page's content uses, in order; problems for untagged or nested painting."""
    used = []
    for number, page in enumerate(pdf.pages, 1):
        mcids = []
        stack = []
        # Each sequence with the text object depth it began at: BT…ET and BDC…EMC must nest.
        depths = []
        in_text = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BT":
                in_text += 1
            elif op == "ET":
                if depths and depths[-1] == in_text:
                    problems.append(f"page {number}: ET inside a marked-content sequence begun inside the text object")
                in_text -= 1
            elif op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                mcid = int(props["/MCID"]) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                kind = "artifact" if tag == "/Artifact" else "tagged" if mcid is not None else "other"
                if kind != "other" and any(k != "other" for k in stack):
                    problems.append(f"page {number}: {tag} {op} nested in a tagged sequence or artifact")
                if mcid is not None:
                    mcids.append(mcid)
                stack.append(kind)
                depths.append(in_text)
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number}: EMC without BDC/BMC")
                else:
                    stack.pop()
                    if depths.pop() != in_text:
                        problems.append(f"page {number}: EMC in another text object than its BDC")
            elif op in PAINTING and not any(k != "other" for k in stack):
                problems.append(f"page {number}: `{op}` outside every tagged sequence and artifact")
        if stack:
            problems.append(f"page {number}: {len(stack)} marked-content sequences left open")
        if len(mcids) != len(set(mcids)):
            problems.append(f"page {number}: an MCID is used twice")
        used.append(mcids)
    return used


class MarkedText(PDFDevice):
    """Collects the text of every tagged sequence, by (page index, MCID)."""

    def __init__(self, manager):
        super().__init__(manager)
        self.page = -1
        self.stack = []
        self.text = {}

    def begin_page(self, page, ctm):
        self.page += 1
        self.stack = []

    def begin_tag(self, tag, props=None):
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append(mcid)

    def end_tag(self):
        if self.stack:
            self.stack.pop()

    def render_string(self, textstate, seq, ncs, graphicstate):
        mcid = next((m for m in reversed(self.stack) if m is not None), None)
        if mcid is None:
            return
        font = textstate.font
        text = ""
        for item in seq:
            if isinstance(item, bytes):
                for cid in font.decode(item):
                    try:
                        text += font.to_unichr(cid)
                    except PDFUnicodeNotDefined:
                        pass
        key = (self.page, mcid)
        self.text[key] = self.text.get(key, "") + text


def marked_text(path):
    manager = PDFResourceManager()
    device = MarkedText(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as file:
        for page in PDFPage.get_pages(file):
            interpreter.process_page(page)
    return device.text


def numbers(tree, problems, is_root=True):
    """A number tree (§7.9.7) flattened to {key: value}; problems for keys out of order or
    outside a node's /Limits, and for a node other than the root without /Limits."""
    result = {}
    if "/Nums" in tree:
        nums = list(tree.Nums)
        keys = [int(nums[i]) for i in range(0, len(nums), 2)]
        if keys != sorted(keys):
            problems.append(f"number tree keys out of order: {keys[:10]}")
        for i in range(0, len(nums), 2):
            result[int(nums[i])] = nums[i + 1]
    for kid in tree.get("/Kids", []):
        result.update(numbers(kid, problems, is_root=False))
    if not is_root:
        if "/Limits" not in tree:
            problems.append("a number tree node below the root has no /Limits")
        elif result and [int(x) for x in tree.Limits] != [min(result), max(result)]:
            problems.append(f"number tree /Limits {list(tree.Limits)} are not its keys' {min(result)}..{max(result)}")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--order", nargs="*", default=[], help="strings the structure-ordered text holds in this order")
    parser.add_argument("--tables", type=int, default=0, help="at least this many Table elements")
    parser.add_argument("--figures", type=int, default=0, help="at least this many Figure elements")
    parser.add_argument("--headings", type=int, default=0, help="at least this many headings")
    args = parser.parse_args()

    problems = []
    pdf = pikepdf.open(args.pdf)
    root = pdf.Root
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("the catalog has no /MarkInfo << /Marked true >>")
    if "/Lang" not in root or not str(root.Lang):
        problems.append("the catalog has no /Lang")
    if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        problems.append("the catalog has no /ViewerPreferences << /DisplayDocTitle true >>")
    if "/StructTreeRoot" not in root:
        print(json.dumps({"problems": problems + ["the catalog has no /StructTreeRoot"]}, indent=1))
        return 1

    used = check_content(pdf, problems)
    page_index = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    for index, page in enumerate(pdf.pages):
        if used[index] and "/StructParents" not in page.obj:
            problems.append(f"page {index + 1} has tagged content but no /StructParents")
        if "/Annots" in page.obj and page.obj.get("/Tabs") != pikepdf.Name.S:
            problems.append(f"page {index + 1} has annotations but no /Tabs /S")

    tree_root = root.StructTreeRoot
    parent_tree = numbers(tree_root.ParentTree, problems)
    texts = marked_text(args.pdf)
    roles = {}
    headings = []
    reading = []  # the text of each MCID in structure order
    seen_mcids = set()

    def walk(element, parent, depth):
        role = str(element.S)[1:]
        roles[role] = roles.get(role, 0) + 1
        if "/P" not in element or element.P.objgen != parent.objgen:
            problems.append(f"a {role} element's /P is not its parent")
        page = page_index.get(element.Pg.objgen) if "/Pg" in element else None
        kids = element.get("/K")
        if kids is None:
            kids = []
        elif not isinstance(kids, pikepdf.Array):
            kids = [kids]
        own_text = []
        child_roles = []
        for kid in kids:
            if isinstance(kid, int):
                reference = (page, int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                reference = (page_index.get(kid.Pg.objgen), int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.OBJR:
                annotation = kid.Obj
                key = annotation.get("/StructParent")
                if key is None or int(key) not in parent_tree or parent_tree[int(key)].objgen != element.objgen:
                    problems.append(f"a {role} element's annotation does not lead back to it through the ParentTree")
                continue
            else:
                child_roles.append(str(kid.S)[1:])
                walk(kid, element, depth + 1)
                continue
            seen_mcids.add(reference)
            page_number, mcid = reference
            if page_number is None or mcid not in used[page_number]:
                problems.append(f"a {role} element names MCID {mcid} on page {page_number}, which the content does not have")
                continue
            entry = parent_tree.get(int(pdf.pages[page_number].obj.StructParents))
            if entry is None or mcid >= len(entry) or entry[mcid].objgen != element.objgen:
                problems.append(f"page {page_number + 1} MCID {mcid}: the ParentTree does not name its {role} element")
            text = texts.get(reference, "")
            own_text.append(text)
            reading.append(text)
        if role == "Table" and not set(child_roles) <= TABLE_KIDS:
            problems.append(f"a Table holds {sorted(set(child_roles) - TABLE_KIDS)}")
        if role in ("THead", "TBody", "TFoot") and not set(child_roles) <= SECTION_KIDS:
            problems.append(f"a {role} holds {sorted(set(child_roles) - SECTION_KIDS)}")
        if role == "TR" and (not set(child_roles) <= ROW_KIDS or own_text):
            problems.append(f"a TR holds {sorted(set(child_roles) - ROW_KIDS)} or content of its own")
        if role == "TH":
            attributes = element.get("/A")
            if not isinstance(attributes, pikepdf.Dictionary) or "/Scope" not in attributes:
                problems.append("a TH has no /A << /O /Table /Scope … >>")
        if role == "Figure" and not str(element.get("/Alt", "")):
            problems.append("a Figure has no /Alt")
        if len(role) == 2 and role[0] == "H" and role[1].isdigit():
            headings.append((role, "".join(own_text)))

    document = tree_root.K
    walk(document, tree_root, 0)
    for index, mcids in enumerate(used):
        for mcid in mcids:
            if (index, mcid) not in seen_mcids:
                problems.append(f"page {index + 1} MCID {mcid} belongs to no element")
    if headings and headings[0][0] != "H1":
        problems.append(f"the first heading is {headings[0][0]}, not H1")
    for kind, count, found in (("Table", args.tables, roles.get("Table", 0)), ("Figure", args.figures, roles.get("Figure", 0)),
                               ("heading", args.headings, len(headings))):
        if found < count:
            problems.append(f"{found} {kind} elements, expected at least {count}")

    text = "".join(reading)
    compact = "".join(text.split()).replace("\u00ad", "")
    position = 0
    for wanted in args.order:
        target = "".join(wanted.split())
        found = compact.find(target, position)
        if found < 0:
            where = "at all" if compact.find(target) < 0 else "after the strings before it"
            problems.append(f"“{wanted}” is not in the structure-ordered text {where}")
        else:
            position = found + len(target)

    leaves = len(tree_root.ParentTree.get("/Kids", [])) or 1
    print(json.dumps({"roles": roles, "headings": headings, "parent_tree_leaves": leaves, "text": text, "problems": problems},
                     ensure_ascii=False, indent=1))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
