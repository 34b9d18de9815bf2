#!/usr/bin/env python3
"""Writes the sample records in Fixtures/records: invoices and statements from the shared
generator (../shared/bench/gen_data.py, the canonical record shape, unchanged), letters, and the
edge cases a layout must survive. Reproducible: same generator, same files.
payment-invoices.jsonl is written by hand (whole EUR and CZK amounts, a numeric invoice number,
`*` in a name) for the payment QR code tests; this script leaves it alone."""
import copy
import json
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "shared" / "bench"))
import gen_data  # noqa: E402


def write(name, records):
    with open(HERE / name, "w", encoding="utf-8") as out:
        gen_data.write_jsonl(records, out)
    print(f"{HERE / name}: {len(records)} records")


def slug(text):
    """ASCII letters and digits of a name, joined by hyphens: a mailbox for the sample domain."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = ["".join(c for c in word if c.isalnum()) for word in plain.split()]
    return "-".join(word for word in words if word)[:40] or "customer"


def with_delivery(invoices):
    """The invoices with `delivery` (the record shape's optional part): an email address at the
    customer's own .example domain and a preference; the 4th says post, the 7th has a mailbox
    the test SMTP sink bounces (550) and the 10th one it defers once (451), the 12th has no
    email address at all."""
    records = []
    for index, invoice in enumerate(invoices, start=1):
        record = copy.deepcopy(invoice)
        name = slug(record["customer"]["name"]) or f"customer{index}"
        local = "accounts"
        if index == 7:
            local = "bounce"
        if index == 10:
            local = "tempfail-once"
        delivery = {"email": f"{local}@{name}.example", "preference": "email"}
        if index == 4:
            delivery["preference"] = "post"
        if index == 12:
            delivery = {"preference": "email"}
        record["delivery"] = delivery
        record["meta"] = {"document_type": "invoice", "idempotency_key": f"invoice-{record['number']}"}
        records.append(record)
    return records


def main():
    invoices = list(gen_data.generate("invoice", 12, seed=1))
    statements = list(gen_data.generate("statement", 3, seed=1))
    write("invoices.jsonl", invoices)
    write("statements.jsonl", statements)
    write("invoices-delivery.jsonl", with_delivery(invoices))

    edge = []
    # The longest names and address lines a customer master might hold.
    longest = copy.deepcopy(invoices[0])
    longest["number"] = "FV-2026-LONGEST"
    longest["customer"]["name"] = ("Společenství vlastníků jednotek Václavské náměstí 1234/56, "
                                   "Praha 1 – Nové Město, zastoupené správcem")
    longest["customer"]["attention"] = "Ing. Mgr. Přemysl Šťastný-Křižíkovský, MBA, LL.M."
    longest["customer"]["address"] = ["Velmi dlouhá ulice s dlouhým názvem Generála Františka Moravce 1234/567b",
                                      "3. patro, kancelář 305, vchod z nádvoří", "110 00 Praha 1"]
    longest["items"][0]["description"] = (
        "Konzultace k elektronické fakturaci včetně nastavení ISDOC, PDF/A-3 a Factur-X, "
        "školení obsluhy a podpory při přechodu na nový systém, účtováno po hodinách dle výkazu")
    edge.append(longest)
    # An invoice with no line items at all.
    empty = copy.deepcopy(invoices[1])
    empty["number"] = "FV-2026-EMPTY"
    empty["items"], empty["totals"] = [], []
    empty["total_net"] = empty["total_vat"] = empty["total_gross"] = "0.00"
    edge.append(empty)
    # A credit note: every amount negative.
    credit = copy.deepcopy(invoices[2])
    credit["number"] = "DN-2026-000001"
    for item in credit["items"]:
        item["unit_price"] = str(-Decimal(item["unit_price"]))
        item["net"] = str(-Decimal(item["net"]))
    for total in credit["totals"]:
        for key in ("net", "vat", "gross"):
            total[key] = str(-Decimal(total[key]))
    for key in ("total_net", "total_vat", "total_gross"):
        credit[key] = str(-Decimal(credit[key]))
    edge.append(credit)
    # Right-to-left names: an Arabic and a Hebrew customer.
    arabic = copy.deepcopy(invoices[3])
    arabic["number"] = "FV-2026-ARABIC"
    arabic["customer"].update(name="شركة النور للتجارة", attention="محمد العلي",
                              address=["شارع الملك فهد 12", "الرياض 11564"], country="SA",
                              country_name="المملكة العربية السعودية")
    edge.append(arabic)
    hebrew = copy.deepcopy(invoices[4])
    hebrew["number"] = "FV-2026-HEBREW"
    hebrew["customer"].update(name="אור הדפוס בע״מ", attention="דנה לוי", address=["רחוב הרצל 15", "תל אביב 6578901"],
                              country="IL", country_name="ישראל")
    edge.append(hebrew)
    write("invoice-edge-cases.jsonl", edge)

    # A 2,000-row statement: the table crosses some forty pages.
    long_statement = next(gen_data.generate("statement", 1, seed=7))
    rng_rows = long_statement["transactions"]
    rows = []
    balance = Decimal(long_statement["opening_balance"])
    while len(rows) < 2000:
        for row in rng_rows:
            if len(rows) == 2000:
                break
            row = dict(row, reference=str(9_100_000_000 + len(rows) * 7))
            balance += Decimal(row["amount"])
            row["balance"] = str(balance)
            rows.append(row)
    long_statement["number"] = "VYP-2026-LONG"
    long_statement["transactions"] = rows
    long_statement["closing_balance"] = str(balance)
    write("statement-2000-rows.jsonl", [long_statement])

    letters = []
    for index, (language, subject, salutation, paragraphs, closing) in enumerate(LETTERS):
        base = next(r for r in invoices if r["language"] == language) if any(r["language"] == language for r in invoices) else invoices[0]
        letters.append({"kind": "letter", "language": language, "reference": f"DOP-2026-{index + 1:04d}",
                        "date": "2026-11-20", "seller": base["seller"], "customer": base["customer"],
                        "subject": subject, "salutation": salutation, "paragraphs": paragraphs,
                        "closing": closing, "signatory": SIGNATORIES[language]})
    write("letters.jsonl", letters)


SIGNATORIES = {"cs": "Eliška Novotná", "de": "Käthe Müller", "en": "Zoë Clarke", "pl": "Małgorzata Żak",
               "uk": "Олена Ґудзь", "sr": "Јелена Јовановић"}

LETTERS = [
    ("cs", "Změna bankovního spojení", "Vážená paní, vážený pane,",
     ["od 1. prosince 2026 přecházíme k nové bance. Prosíme, abyste veškeré platby za faktury vystavené po tomto datu "
      "poukazovali na nový účet uvedený v zápatí tohoto dopisu. Platby odeslané na původní účet budou ještě tři měsíce "
      "automaticky převáděny, poté však může dojít ke zpoždění jejich zpracování.",
      "Čísla faktur, variabilní symboly ani splatnosti se nemění. Pokud platíte trvalým příkazem, upravte jej prosím "
      "včas. Děkujeme za pochopení a těšíme se na další spolupráci."],
     "S pozdravem"),
    ("de", "Umstellung auf elektronische Rechnungen", "Sehr geehrte Damen und Herren,",
     ["ab dem 1. Januar 2027 sind Unternehmen in Deutschland verpflichtet, elektronische Rechnungen im strukturierten "
      "Format empfangen zu können. Wir stellen deshalb unsere Rechnungsstellung auf das hybride Format ZUGFeRD um: "
      "Sie erhalten weiterhin ein lesbares PDF, in das die maschinenlesbaren Rechnungsdaten eingebettet sind.",
      "Für Sie ändert sich nichts, außer dass Ihre Buchhaltungssoftware die Daten künftig automatisch übernehmen kann. "
      "Bei Fragen erreichen Sie unsere Kundenbetreuung werktags zwischen 8 und 17 Uhr."],
     "Mit freundlichen Grüßen"),
    ("en", "Your new customer portal", "Dear customer,",
     ["from next month every invoice and statement we send you will also be available in our new customer portal, "
      "where you can download earlier documents, change your delivery preferences and choose between paper and e-mail.",
      "Your login details will follow in a separate letter. If you prefer to keep receiving paper documents only, "
      "there is nothing you need to do."],
     "Kind regards"),
    ("uk", "Зміна умов обслуговування", "Шановні пані та панове,",
     ["повідомляємо, що з 1 січня 2027 року змінюються умови обслуговування рахунків. Нові тарифи опубліковано на нашому "
      "сайті, а їхній повний текст додано до цього листа.",
      "Якщо у вас виникнуть запитання, будь ласка, зверніться до вашого персонального менеджера."],
     "З повагою"),
]

if __name__ == "__main__":
    main()
