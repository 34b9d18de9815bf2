// ISO 7064 MOD 97-10, the check shared by IBANs (ISO 13616) and creditor references (ISO 11649).

enum Mod97 {
    /// The remainder mod 97 of the text with its first four characters moved to the end and
    /// letters read as 10…35; a valid IBAN or RF reference gives 1. Expects A–Z and 0–9 only.
    static func remainder(_ scalars: [Unicode.Scalar]) -> Int {
        var remainder = 0
        for scalar in scalars[4...] + scalars[..<4] {
            let value = Int(scalar.value)
            if value >= 65 {  // A…Z → 10…35, two digits
                remainder = (remainder * 100 + (value - 55)) % 97
            } else {
                remainder = (remainder * 10 + (value - 48)) % 97
            }
        }
        return remainder
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
