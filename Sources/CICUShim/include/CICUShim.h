// Unversioned wrappers over ICU's C API (line breaking, bidi). ICU renames each symbol with its
// major version (ubrk_open -> ubrk_open_72) through macros Swift cannot import.
#pragma once
