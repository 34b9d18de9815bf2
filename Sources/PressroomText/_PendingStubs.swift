// TEMPORARY: stands in for the Unicode and paragraph-breaking files being written on other branches.
public enum BaseDirection: Sendable { case leftToRight, rightToLeft, auto }
