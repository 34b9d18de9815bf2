#!/usr/bin/env python3
"""Writes a PDF with ReportLab (another producer than Pressroom): COUNT pages of WIDTH x HEIGHT
points, each with its marker P001, P002, ... at its centre, for the imposition tests to find.

    make_marked_pages.py OUT.pdf COUNT WIDTH HEIGHT
"""
import sys

from reportlab.pdfgen import canvas


def main():
    out, count, width, height = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    pdf = canvas.Canvas(out, pagesize=(width, height))
    for number in range(1, count + 1):
        pdf.setLineWidth(0.5)
        pdf.rect(2, 2, width - 4, height - 4)
        pdf.setFont("Helvetica", 9)
        pdf.drawCentredString(width / 2, height / 2 - 3, f"P{number:03d}")
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    main()
