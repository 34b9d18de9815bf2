#!/usr/bin/env python3
"""Writes the JSON Schemas (draft 2020-12) of the layout language next to this file:
layout, component, theme and labels. Editors (yaml-language-server) use them to complete and
explain keys and to flag typos; check.py validates the bundled YAML with them.

The schemas are generated so that the block definitions shared by layouts and components, and
the common keys every block kind allows, are written once. The label keys come from
../labels/en.yaml, the fallback language. Run `python3 Layouts/schema/generate.py` after editing
this file or en.yaml; check.py fails while the JSON files are out of date.
"""
import json
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://pressroom.invalid/schema/"

# Lengths and names, as LengthParser and the loaders accept them.
LENGTH_PATTERN = r"^([0-9]+\.?[0-9]*|\.[0-9]+)(mm|cm|in|pt)?$"
SIGNED_LENGTH_PATTERN = r"^-?([0-9]+\.?[0-9]*|\.[0-9]+)(mm|cm|in|pt)?$"
IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
NOT_RESERVED = {"not": {"enum": ["label", "page", "row"]}}


def desc(text, schema):
    return {"description": text, **schema}


def obj(description, properties, required=(), **extra):
    schema = {"type": "object", "description": description, "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    schema.update(extra)
    return schema


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


COMMON_DEFS = {
    "length": {
        "description": "A length: `20mm`, `2.5cm`, `1in`, `9pt`, or a plain number of points.",
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": LENGTH_PATTERN}],
    },
    "signedLength": {
        "description": "A length that may be negative (a position off the page edge, for bleed): `-3mm`, `20mm`, `12`.",
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": SIGNED_LENGTH_PATTERN}],
    },
    "template": {
        "description": "Text that may contain placeholders: `{{ customer.name }}`, `{{ total | money }}`, `{{ label.invoice }}`.",
        "type": ["string", "number"],
    },
    "expression": {
        "description": "A bare expression over the record: `items`, `customer.attention`, `kind == \"invoice\"`, `not items`.",
        "type": "string", "minLength": 1,
    },
    "styleName": {"description": "A text style of the theme (`styles:`), e.g. `body`, `title`.", "type": "string", "minLength": 1},
    "colourName": {"description": "A colour of the theme's palette (`colours:`), e.g. `text`, `rule`.", "type": "string", "minLength": 1},
    "name": {"description": "A name for templates: letters, digits and `_`; not `label`, `page` or `row`.",
             "type": "string", "pattern": IDENTIFIER_PATTERN, **NOT_RESERVED},
    "horizontalAlignment": {"description": "`left` (default), `center` or `right`.", "enum": ["left", "center", "right"]},
    "textAlignment": {"description": "`left`, `right`, `center` or `justified` (both edges flush).",
                      "enum": ["left", "right", "center", "justified"]},
    "trackWidth": {
        "description": "A column width: a length (`30mm`), a percentage of the whole width (`40%`), a share of the space left (`2fr`), or `auto` (as wide as the content).",
        "anyOf": [ref("length"), {"type": "string", "pattern": r"^(auto|([0-9]+\.?[0-9]*|\.[0-9]+)(%|fr))$"}],
    },
    "pair": {
        "description": "Two lengths, `[width, height]`.",
        "type": "array", "prefixItems": [ref("length"), ref("length")], "minItems": 2, "maxItems": 2,
    },
    "blocks": {"description": "Blocks laid out one under the other.", "type": "array", "items": ref("block")},
}

COMMON_BLOCK_KEYS = {
    "if": desc("Lay the block out only when this expression is true (non-empty, non-zero, not null or false): `customer.attention`, `count > 3`.", ref("expression")),
    "keep-together": desc("Never split the block over two pages: it moves whole to the next page when it does not fit.", {"type": "boolean"}),
    "keep-with-next": desc("Keep the block on the same page as the block after it (a heading with its table).", {"type": "boolean"}),
    "space-before": desc("Extra space above the block.", ref("length")),
    "space-after": desc("Extra space below the block.", ref("length")),
    "bookmark": desc("A bookmark (PDF outline entry) to where the block starts, with this title: `\"{{ label.transactions }}\"`.", ref("template")),
}

SPAN = obj("A run of text with its own style or link.", {
    "text": desc("The span's text.", ref("template")),
    "style": desc("The span's text style; without one, the paragraph's.", ref("styleName")),
    "link": desc("Makes the span a link to this URI.", ref("template")),
}, required=["text"])

# Each block kind: its kind key, what the block means, and the keys allowed beside the kind key.
BLOCK_KINDS = {
    "text": ("A paragraph.", desc(
        "The paragraph's text, or a list of spans `{ text:, style:, link: }`.",
        {"anyOf": [ref("template"), {"type": "array", "minItems": 1, "items": {"anyOf": [ref("template"), ref("span")]}}]}), {
        "style": desc("The paragraph's text style; without one, the theme's `body`.", ref("styleName")),
        "align": desc("Overrides the style's alignment.", ref("textAlignment")),
        "role": desc("What the paragraph is in a tagged PDF: `p`, or a heading `h1`…`h6`; without one, its style's `role`, else `p`.",
                     {"enum": ["p", "h1", "h2", "h3", "h4", "h5", "h6"]}),
    }),
    "image": ("An image.", desc(
        "`logo` for the theme's logo, or a PNG or JPEG path relative to the layouts folder (may contain placeholders).",
        ref("template")), {
        "width": desc("The image's width; without it, from the height and the aspect ratio (or the frame's width).", ref("length")),
        "height": desc("The image's height; without it, from the width and the aspect ratio.", ref("length")),
        "align": desc("Where the image sits across the frame.", ref("horizontalAlignment")),
        "alt": desc("The image's alternate text in a tagged PDF (may contain placeholders); without it (and, for the logo, the theme's `logo-alt`) the image is decoration.",
                    ref("template")),
    }),
    "rule": ("A horizontal line across the frame.", desc(
        "`true` for a 0.5pt line in the `rule` colour, or `{ thickness:, colour: }`.",
        {"anyOf": [{"const": True}, obj("The rule's look.", {
            "thickness": desc("The line's thickness (default 0.5pt).", ref("length")),
            "colour": desc("The line's colour (default `rule`).", ref("colourName")),
        })]}), {}),
    "spacer": ("Vertical space.", desc("The height of the space.", ref("length")), {}),
    "columns": ("Columns side by side.", obj("The columns and the gap between them.", {
        "gap": desc("Space between the columns (default 0).", ref("length")),
        "columns": desc("The columns, left to right.", {"type": "array", "minItems": 1, "items": obj("A column.", {
            "width": desc("The column's width (default `1fr`).", ref("trackWidth")),
            "content": desc("The blocks in the column.", ref("blocks")),
        }, required=["content"])}),
    }, required=["columns"]), {}),
    "group": ("Blocks one under another, e.g. to keep them together.", desc("The blocks of the group.", ref("blocks")), {}),
    "each": ("The blocks once for each element of an array.", desc("The array, e.g. `transactions`.", ref("expression")), {
        "as": desc("The name each element is bound to (default `item`).", ref("name")),
        "content": desc("The blocks repeated for each element.", ref("blocks")),
    }, ["content"]),
    "use": ("A component from components/.", desc("The component's name, e.g. `address-block`.", {"type": "string", "minLength": 1}), {
        "with": desc("The component's parameters. A value that is exactly `{{ x }}` passes x itself (an object, a list); anything else passes the text.",
                     {"type": "object", "propertyNames": {"pattern": IDENTIFIER_PATTERN}, "additionalProperties": ref("template")}),
    }),
    "table": ("A table of rows from an array, split between rows over pages.", ref("table"), {}),
    "barcode": ("A barcode drawn as vectors: QR, Data Matrix, Code 128, or a payment QR code (EPC QR for EUR to SEPA accounts, SPAYD / QR Platba for CZK).", obj("The barcode.", {
        "type": desc("The symbology: `qr` (error correction M), `datamatrix`, `code128` (no text; print it yourself), or `payment-qr` (EPC or SPAYD from the payment's fields).",
                     {"enum": ["qr", "datamatrix", "code128", "payment-qr"]}),
        "data": desc("The data to encode (`qr`, `datamatrix`, `code128`).", ref("template")),
        "size": desc("The frame, `[width, height]`, quiet zone included; the symbol is scaled to fit and centred (a Code 128 fills the width and height).", ref("pair")),
        "iban": desc("`payment-qr`: the payee's IBAN (spaces allowed).", ref("template")),
        "amount": desc("`payment-qr`: the amount, a decimal string with at most two decimals, e.g. `{{ total_gross }}`.", ref("template")),
        "currency": desc("`payment-qr`: `EUR` (EPC QR, to a SEPA account) or `CZK` (SPAYD); anything else is an error, so guard the block with `if:`.", ref("template")),
        "name": desc("`payment-qr`: the payee's name (EPC at most 70 characters, SPAYD 35).", ref("template")),
        "reference": desc("`payment-qr`: the payment reference: an `RF…` creditor reference, a variable symbol (digits, SPAYD `X-VS`) or text.", ref("template")),
        "due": desc("`payment-qr`: the due date, ISO `YYYY-MM-DD` (SPAYD only).", ref("template")),
        "bic": desc("`payment-qr`: the payee's BIC (optional).", ref("template")),
        "message": desc("`payment-qr`: a message for the payee.", ref("template")),
    }, required=["type", "size"],
        allOf=[{"if": {"properties": {"type": {"const": "payment-qr"}}, "required": ["type"]},
                "then": {"required": ["iban", "amount", "currency", "name"], "not": {"required": ["data"]}},
                "else": {"required": ["data"], "propertyNames": {"enum": ["type", "data", "size"]}}}]), {}),
    "page-break": ("Starts a new page: the next block goes on it.", desc("Always `true`.", {"const": True}), {}),
}

TABLE = obj("A table: rows from an array, a header that repeats on every page, a running subtotal.", {
    "rows": desc("The array of rows, e.g. `items`.", ref("expression")),
    "as": desc("The name each row's element is bound to (default `item`); `row.number` counts from 1.", ref("name")),
    "header-style": desc("The header's text style.", ref("styleName")),
    "cell-style": desc("The cells' text style.", ref("styleName")),
    "header-fill": desc("The colour behind the header.", ref("colourName")),
    "stripe": desc("The colour behind every second row.", ref("colourName")),
    "rule": desc("The colour of the rules under the header and between rows (none without it).", ref("colourName")),
    "repeat-header": desc("Repeat the header on every page the table continues on (default true).", {"type": "boolean"}),
    "cell-padding": desc("Space around each cell's text (default 3pt).", ref("length")),
    "bookmark-rows": desc("A bookmark to each row whose title differs from the row before's, e.g. one per month: `\"{{ tx.date | date(\\\"LLLL yyyy\\\") }}\"`.", ref("template")),
    "carry": desc("A subtotal at each page break: carried forward at the foot, brought forward under the next page's header.", obj(
        "The running subtotal.", {
            "value": desc("The number summed over the rows placed so far, e.g. `item.net`.", ref("expression")),
            "initial": desc("Where the sum starts, e.g. `opening_balance` (default 0).", ref("expression")),
            "column": desc("The column that shows the subtotal, counting from 0.", {"type": "integer", "minimum": 0}),
            "amount": desc("The subtotal's text (default `{{ subtotal | amount }}`).", ref("template")),
            "carried-label": desc("The label at the foot of a page (default `{{ label.carried_forward }}`).", ref("template")),
            "brought-label": desc("The label under the next page's header (default `{{ label.brought_forward }}`).", ref("template")),
        }, required=["value", "column"])),
    "columns": desc("The table's columns, left to right.", {"type": "array", "minItems": 1, "items": obj("A table column.", {
        "header": desc("The header's text (default none).", ref("template")),
        "cell": desc("Each cell's text; the row's element is bound to the `as` name.", ref("template")),
        "width": desc("The column's width (default `1fr`).", ref("trackWidth")),
        "align": desc("The cells' alignment.", ref("horizontalAlignment")),
        "style": desc("The cells' text style (e.g. `figures` for tabular numbers).", ref("styleName")),
    }, required=["cell"])}),
}, required=["rows", "columns"])


def block_defs():
    kinds = {}
    for key, (meaning, value, siblings, *required) in BLOCK_KINDS.items():
        properties = {key: value, **siblings, **COMMON_BLOCK_KEYS}
        kinds[f"{key}Block"] = obj(f"`{key}`: {meaning}", properties, required=[key, *(required[0] if required else [])])
    block = {"description": "A block: a mapping with one kind key (`text`, `image`, `rule`, `spacer`, `columns`, `group`, `each`, `use`, `table`, `barcode`, `page-break`) and any of `if`, `keep-together`, `keep-with-next`, `space-before`, `space-after`, `bookmark`.",
             "type": "object", "oneOf": [ref(name) for name in kinds]}
    return {"block": block, **kinds, "span": SPAN, "table": TABLE}


def schema(name, title, description, root, defs):
    return {"$schema": DRAFT, "$id": f"{BASE}{name}.schema.json", "title": title, "description": description, **root, "$defs": defs}


def layout_schema():
    insets = obj("Distances from the page edges.", {side: desc(f"From the {side} edge.", ref("length")) for side in ["top", "right", "bottom", "left"]},
                 required=["top", "right", "bottom", "left"])
    box = obj("A box at a fixed place on every page of its template: the address window, the letterhead, a footer. Its blocks may use `page.number` and `page.count`.", {
        "name": desc("The box's name, shown in errors.", {"type": "string"}),
        "at": desc("The box's top-left corner, `[x, y]` from the page's top-left corner.", {
            "type": "array", "prefixItems": [ref("signedLength"), ref("signedLength")], "minItems": 2, "maxItems": 2}),
        "size": desc("The box's `[width, height]`.", ref("pair")),
        "overflow": desc("What happens when the content does not fit: `error` (default), `shrink` (scale the text down to 70 %), `shrink(0.6)` (to 60 %), or `ellipsis` (cut and end with …).",
                         {"anyOf": [{"enum": ["error", "shrink", "ellipsis"]}, {"type": "string", "pattern": r"^shrink\(([01]?\.[0-9]+|[01]\.?)\)$"}]}),
        "align": desc("Where the content sits in the box: `top` (default), `middle` or `bottom`.", {"enum": ["top", "middle", "bottom"]}),
        "background": desc("A theme colour filling the box under its content.", {"type": "string"}),
        "bleed": desc("`true` (3 mm) or a length: the background and the rules spanning the box run that far past each page edge the box touches, into the bleed a press trims off.",
                      {"anyOf": [{"type": "boolean"}, ref("length")]}),
        "content": desc("The box's blocks.", ref("blocks")),
    }, required=["at", "size", "content"])
    template = lambda which: obj(f"What {which} looks like: the flow's frame and the fixed boxes around it.", {
        "body": desc("The flow's frame: `{ top:, right:, bottom:, left: }` from the page edges, or one length for all four (default 20mm).",
                     {"anyOf": [ref("length"), insets]}),
        "boxes": desc("Fixed boxes.", {"type": "array", "items": box}),
    })
    page = obj("The paper and the page templates.", {
        "size": desc("`A4` (default), `A3`, `A5`, `A6`, `letter`, `legal`, or `[width, height]`.",
                     {"anyOf": [{"enum": ["A3", "A4", "A5", "A6", "letter", "legal"]}, ref("pair")]}),
        "max-pages": desc("A runaway layout stops with an error at this many pages (default 1000).", {"type": "integer", "minimum": 1, "maximum": 100000}),
        "first": desc("The first page (default: 20mm margins, no boxes).", template("the first page")),
        "following": desc("Every later page (default: the same as the first).", template("every later page")),
    })
    root = obj("A layout: pages and the flow of blocks that fills them, bound to one record at a time.", {
        "layout": desc("The layout's name.", {"type": "string", "minLength": 1}),
        "theme": desc("The theme (themes/NAME.yaml) used unless the caller names another.", {"type": "string", "minLength": 1}),
        "locale": desc("The BCP 47 locale for formatting, hyphenation and shaping, e.g. `\"{{ language }}-{{ seller.country }}\"`.", ref("template")),
        "currency": desc("The ISO 4217 code `money` uses when not given one, e.g. `\"{{ currency }}\"`.", ref("template")),
        "title": desc("The PDF's title.", ref("template")),
        "file-name": desc("The output file's name without `.pdf`, when rendering one PDF per record.", ref("template")),
        "e-invoice": {"description": "The Factur-X / ZUGFeRD profile of the e-invoice XML the digital variant embeds "
                                     "(`minimum`, `basic` or `en16931`); the record must then be an invoice whose totals add up.",
                      "enum": ["minimum", "basic", "en16931"]},
        "page": desc("The paper size, page limit and page templates.", page),
        "flow": desc("The blocks that fill the body frames, page after page.", ref("blocks")),
    }, required=["layout", "theme"])
    return schema("layout", "Pressroom layout", root.pop("description"), root, {**COMMON_DEFS, **block_defs()})


def component_schema():
    parameter = {"description": "A parameter: `{ required:, default:, description: }`, or nothing for a required one.",
                 "anyOf": [{"type": "null"}, obj("The parameter.", {
                     "required": desc("Whether callers must pass it (default: true without a `default`, false with one).", {"type": "boolean"}),
                     "default": desc("The value used when the caller passes nothing.", ref("template")),
                     "description": desc("What the parameter is, for the people who use the component.", {"type": "string"}),
                 })]}
    root = obj("A component: named, parameterised blocks, used by layouts with `use: NAME` and `with: { param: … }`.", {
        "component": desc("The component's name, used in `use:`.", {"type": "string", "minLength": 1}),
        "description": desc("What the component is for.", {"type": "string"}),
        "params": desc("The parameters, by name.", {"type": "object", "propertyNames": {"pattern": IDENTIFIER_PATTERN, **NOT_RESERVED},
                                                    "additionalProperties": parameter}),
        "content": desc("The component's blocks.", ref("blocks")),
    }, required=["component", "content"])
    return schema("component", "Pressroom component", root.pop("description"), root, {**COMMON_DEFS, **block_defs()})


def theme_schema():
    unit = {"type": "number", "minimum": 0, "maximum": 1}
    colour = obj("A colour: RGB for screens, CMYK for print, and optionally a spot ink.", {
        "rgb": desc("`\"#rrggbb\"` or `\"#rgb\"`, in quotes.", {"type": "string", "pattern": r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"}),
        "cmyk": desc("`[cyan, magenta, yellow, black]`, each from 0 to 1 (0.85 for 85 %).",
                     {"type": "array", "prefixItems": [unit] * 4, "items": unit, "minItems": 4, "maxItems": 4}),
        "spot": desc("The spot ink's name, e.g. `PANTONE 2945 C`; print output paints with it, CMYK as the alternate.", {"type": "string", "minLength": 1}),
    }, required=["rgb", "cmyk"])
    font = obj("A font role: the family, weight, style and OpenType features.", {
        "family": desc("The font family, e.g. `Noto Sans`.", {"type": "string", "minLength": 1}),
        "weight": desc("The weight, 1–1000 (400 regular, 700 bold; default 400).", {"type": "integer", "minimum": 1, "maximum": 1000}),
        "italic": desc("Italic (default false).", {"type": "boolean"}),
        "features": desc("OpenType features in HarfBuzz syntax: `tnum` (tabular figures), `onum`, `lnum`, `zero`, `smcp`, `-liga` (off), `ss01=2`.",
                         {"type": "array", "items": {"type": "string", "pattern": r"^[+-]?[A-Za-z0-9]{1,4}(\[[0-9]*(:[0-9]*)?\])?(=[0-9A-Za-z]+)?$"}}),
    }, required=["family"])
    style = obj("A text style.", {
        "font": desc("The font role (`fonts:`; default `body`).", {"type": "string", "minLength": 1}),
        "size": desc("The text size, e.g. `9pt`.", ref("length")),
        "colour": desc("The text colour (`colours:`; default `text`).", {"type": "string", "minLength": 1}),
        "weight": desc("Overrides the font role's weight, 1–1000.", {"type": "integer", "minimum": 1, "maximum": 1000}),
        "italic": desc("Overrides the font role's italic.", {"type": "boolean"}),
        "line-height": desc("Baseline to baseline: a multiple of the size (`1.35`, default 1.3) or a length (`12pt`).",
                            {"anyOf": [{"type": "number", "minimum": 0.5, "maximum": 5}, {"type": "string", "pattern": LENGTH_PATTERN}]}),
        "align": desc("The paragraph's alignment (default `left`).", ref("textAlignment")),
        "hyphenate": desc("Hyphenate words at line ends, in the record's language (default false).", {"type": "boolean"}),
        "role": desc("What text in this style is in a tagged PDF: `p` (default) or a heading `h1`…`h6`.", {"enum": ["p", "h1", "h2", "h3", "h4", "h5", "h6"]}),
    }, required=["size"])
    root = obj("A theme: the brand's colours, fonts, text styles, spacing and logo; layouts refer to them by name.", {
        "theme": desc("The theme's name, used in a layout's `theme:`.", {"type": "string", "minLength": 1}),
        "logo": desc("The logo (PNG or JPEG), relative to the layouts folder; `image: logo` shows it.", {"type": "string", "minLength": 1}),
        "logo-alt": desc("The logo's alternate text in a tagged PDF, usually the brand's name; without it the logo is decoration.", {"type": "string", "minLength": 1}),
        "colours": desc("The palette, by name (`text`, `accent`, `rule`…).", {"type": "object", "additionalProperties": colour}),
        "fonts": desc("The font roles, by name (`body`, `heading`, `figures`…).", {"type": "object", "additionalProperties": font}),
        "styles": desc("The text styles, by name (`body`, `title`…).", {"type": "object", "additionalProperties": style}),
        "spacing": desc("Lengths used where a layout gives none.", obj("Named spacing.", {
            "block": desc("Space between flow blocks.", ref("length")),
            "cell-padding": desc("Space around table cells' text.", ref("length")),
            "column-gap": desc("Space between columns.", ref("length")),
        })),
    }, required=["theme"])
    return schema("theme", "Pressroom theme", root.pop("description"), root,
                  {name: COMMON_DEFS[name] for name in ["length", "textAlignment"]})


def labels_schema():
    english = yaml.safe_load((HERE.parent / "labels" / "en.yaml").read_text(encoding="utf-8"))
    english.pop("labels")
    properties = {"labels": desc("The language of this file, as a BCP 47 code: `en`, `cs`, `sr-Latn`.",
                                 {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"})}
    for key, text in english.items():
        properties[key] = desc(f"In English: {text}", {"type": ["string", "number"]})
    root = obj("The words layouts print (`{{ label.KEY }}`), in one language; en.yaml is the fallback for a missing label.",
               properties, required=["labels"])
    return schema("labels", "Pressroom labels", root.pop("description"), root, {})


def imposition_schema():
    sizes = ["A3", "A4", "A5", "A6", "SRA3", "SRA4", "letter", "business-card"]
    size = {"anyOf": [{"enum": sizes}, {"type": "array", "prefixItems": [ref("length")] * 2, "items": ref("length"), "minItems": 2, "maxItems": 2}]}
    root = obj("An imposition scheme: how finished pages are put on press sheets (`pressroom impose SCHEME IN.pdf`).", {
        "scheme": desc("The scheme's name, as `pressroom impose` takes it.", {"type": "string", "minLength": 1}),
        "kind": desc("`n-up` (pages in order, cell after cell), `step-and-repeat` (every cell the same page), `cut-and-stack` "
                     "(cutting the stack gives the pages in order), `booklet` (saddle-stitched pairs), `work-and-turn`, "
                     "`work-and-tumble` (fronts and backs on one plate).",
                     {"enum": ["n-up", "step-and-repeat", "cut-and-stack", "booklet", "work-and-turn", "work-and-tumble"]}),
        "sheet": desc("The press sheet: a paper name or `[width, height]`.", size),
        "landscape": desc("Turn the sheet to landscape (default false).", {"type": "boolean"}),
        "cell": desc("The size of each cell; a page is centred in its cell and must fit.", size),
        "grid": desc("`[columns, rows]` of cells.", {"type": "array", "prefixItems": [{"type": "integer", "minimum": 1, "maximum": 64}] * 2,
                                                      "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}),
        "margins": desc("Sheet margins: one length, or `[top, right, bottom, left]`.",
                        {"anyOf": [ref("length"), {"type": "array", "items": ref("length"), "minItems": 4, "maxItems": 4}]}),
        "gap": desc("Space between cells: one length, or `[horizontal, vertical]`.",
                    {"anyOf": [ref("length"), {"type": "array", "items": ref("length"), "minItems": 2, "maxItems": 2}]}),
        "duplex": desc("n-up on both sides: odd pages on the front, each even page behind its odd one (default false).", {"type": "boolean"}),
        "creep": desc("Booklets: how far each sheet further in is pushed towards the spine.", ref("length")),
        "marks": desc("Crop marks at every cut line and a label naming the sheet and side (default true).", {"type": "boolean"}),
    }, required=["scheme", "kind", "sheet", "cell", "grid"])
    return schema("imposition", "Pressroom imposition scheme", root.pop("description"), root,
                  {name: COMMON_DEFS[name] for name in ["length"]})


def post_schema():
    pair = {"type": "array", "prefixItems": [ref("length")] * 2, "items": ref("length"), "minItems": 2, "maxItems": 2}
    number = {"type": "number", "exclusiveMinimum": 0}
    envelope = obj("An envelope; a piece goes in the first that holds its sheets.", {
        "name": desc("Its name, as the manifest gives it (DL, C5, C4).", {"type": "string", "minLength": 1}),
        "size": desc("`[width, height]` lying flat, window at the front.", pair),
        "weight": desc("Grams of the empty envelope.", number),
        "max-sheets": desc("The most sheets it takes.", {"type": "integer", "minimum": 1}),
        "layers": desc("Layers each sheet makes once folded: 1 flat, 2 folded once, 3 letter-folded (default 1).",
                       {"type": "integer", "minimum": 1, "maximum": 4}),
        "thickness": desc("The envelope's own paper, both faces (default 0.2mm).", ref("length")),
        "window": desc("The window as it falls on the first sheet, from the sheet's top-left corner.",
                       obj("A rectangle on the sheet.", {"at": desc("`[left, top]`.", pair), "size": desc("`[width, height]`.", pair)},
                           required=["at", "size"])),
    }, required=["name", "size", "weight", "max-sheets", "window"])
    marks = ["benchmark", "begin", "end", "sequence-1", "sequence-2", "sequence-3", "parity", "safety"]
    omr = obj("Optical marks an inserter reads on each sheet's front, one bar position per meaning, top to bottom.", {
        "marks": desc("The positions in order: " + ", ".join(f"`{m}`" for m in marks) + ".",
                      {"type": "array", "items": {"enum": marks}, "uniqueItems": True, "minItems": 1}),
        "side": desc("The sheet edge the track runs along (default left).", {"enum": ["left", "right"]}),
        "inset": desc("From that edge to the bars (default 5mm).", ref("length")),
        "top": desc("From the top (lead) edge to the first bar (default 40mm; at least 20mm).", ref("length")),
        "pitch": desc("Bar to bar (default 4.23mm = 1/6 in; at least 2.54mm).", ref("length")),
        "length": desc("Bar length (default 10mm).", ref("length")),
        "thickness": desc("Bar thickness, 1–2 pt (default 0.5mm).", ref("length")),
        "clearance": desc("Kept free of other ink around the track (default 3mm).", ref("length")),
    })
    postage = obj("A postage class: the zone, the largest envelope, thickness and weight step it takes, and its price.", {
        "name": {"type": "string", "minLength": 1},
        "zone": {"enum": ["domestic", "international"]},
        "max-size": desc("The largest envelope, `[width, height]` either way round.", pair),
        "max-thickness": ref("length"),
        "weight": desc("`[from, to]` grams: above `from` (or from 0) up to `to`.",
                       {"type": "array", "prefixItems": [{"type": "number", "minimum": 0}] * 2, "minItems": 2, "maxItems": 2}),
        "price": desc("Decimal text in the tariff's currency.", {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"}),
    }, required=["name", "zone", "max-size", "weight", "price"])
    root = obj("A post profile: how a batch of letters goes by post (`pressroom batch LAYOUT DATA --post PROFILE`).", {
        "post": desc("The profile's name, as `--post` takes it.", {"type": "string", "minLength": 1}),
        "description": {"type": "string"},
        "home-country": desc("ISO 3166 code of the country the batch is posted in.", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        "address": desc("The record field holding the recipient (default `customer`).", {"type": "string"}),
        "address-component": desc("The component that prints the recipient's address (default `address-block`).", {"type": "string"}),
        "paper": obj("The paper.", {"weight": desc("g/m² (default 80).", number), "thickness": desc("One sheet (default 0.1mm).", ref("length"))}),
        "duplex": desc("Both sides of each sheet printed (default false).", {"type": "boolean"}),
        "tray": desc("Pieces per tray or bundle (default 250).", {"type": "integer", "minimum": 1}),
        "envelopes": desc("From the smallest up.", {"type": "array", "items": envelope, "minItems": 1}),
        "omr": omr,
        "datamatrix": obj("A Data Matrix on each sheet's front: job, piece, sheet k of n.",
                          {"at": desc("`[left, top]` of its quiet zone.", pair), "module": desc("Module side (default 0.5mm).", ref("length"))},
                          required=["at"]),
        "tariff": obj("The carrier's postage classes.", {
            "carrier": {"type": "string"}, "currency": {"type": "string"}, "note": {"type": "string"},
            "classes": {"type": "array", "items": postage, "minItems": 1},
        }, required=["carrier", "currency", "classes"]),
    }, required=["post", "home-country", "envelopes", "tariff"])
    return schema("post", "Pressroom post profile", root.pop("description"), root,
                  {name: COMMON_DEFS[name] for name in ["length"]})


def email_schema():
    template = {"type": "string", "description": "A template of the layout language: text with `{{ expression }}` bound to the record."}
    root = obj("The email that carries a layout's documents (`pressroom send LAYOUT DATA`): each text a template bound to the record, in its language.", {
        "email": desc("The layout whose documents it carries.", {"type": "string", "minLength": 1}),
        "recipient": desc("Record fields holding the recipient's address; the first present wins (default `[delivery.email, customer.email]`).",
                          {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"}, "minItems": 1}),
        "recipient-name": desc("The recipient's display name.", template),
        "subject": template,
        "preheader": desc("The line inboxes show after the subject.", template),
        "heading": template,
        "paragraphs": {"type": "array", "items": template},
        "facts": desc("Label and value rows (amount due, due date, …); a row whose value is empty is left out.",
                      {"type": "array", "items": obj("A fact.", {"label": template, "value": template}, required=["label", "value"])}),
        "closing": template,
        "signature": template,
    }, required=["email", "subject", "heading"])
    return schema("email", "Pressroom email", root.pop("description"), root, {})


SCHEMAS = {"layout": layout_schema, "component": component_schema, "theme": theme_schema, "labels": labels_schema,
           "imposition": imposition_schema, "post": post_schema,
           "email": email_schema}


def render(name):
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for name in SCHEMAS:
        (HERE / f"{name}.schema.json").write_text(render(name), encoding="utf-8")
    sys.exit(0)
