// Unversioned wrappers over ICU's C API (line breaking, bidi). ICU renames each symbol with its
// major version (ubrk_open -> ubrk_open_72) through macros Swift cannot import.
#pragma once
#include <stdint.h>

// Plain C types only: uint16_t is UChar, int32_t is UErrorCode (> 0 is failure), uint8_t is UBiDiLevel.
typedef struct PRBreakIterator PRBreakIterator;
typedef struct PRBidi PRBidi;

// UBRK_DONE and the UBRK_LINE_HARD rule-status range (ubrk.h).
#define PR_UBRK_DONE (-1)
#define PR_UBRK_LINE_HARD 100
#define PR_UBRK_LINE_HARD_LIMIT 200
// UBIDI_DEFAULT_LTR: paragraph level from the first strong character (UAX #9 P2/P3), else LTR.
#define PR_UBIDI_DEFAULT_LTR 0xfe

const char *pr_icu_unicode_version(void); // e.g. "15.0"

// UAX #14 line break iterator (UBRK_LINE). The text is not copied: keep it alive while iterating.
PRBreakIterator *pr_ubrk_open_line(const char *locale, const uint16_t *text, int32_t length, int32_t *status);
PRBreakIterator *pr_ubrk_clone(const PRBreakIterator *bi, int32_t *status);
void pr_ubrk_set_text(PRBreakIterator *bi, const uint16_t *text, int32_t length, int32_t *status);
int32_t pr_ubrk_first(PRBreakIterator *bi);
int32_t pr_ubrk_next(PRBreakIterator *bi);
int32_t pr_ubrk_get_rule_status(PRBreakIterator *bi);
void pr_ubrk_close(PRBreakIterator *bi);

// UAX #9 bidi. The text is not copied: keep it alive until pr_ubidi_close.
PRBidi *pr_ubidi_open(void);
void pr_ubidi_set_para(PRBidi *bidi, const uint16_t *text, int32_t length, uint8_t paraLevel, int32_t *status);
uint8_t pr_ubidi_get_para_level(PRBidi *bidi);
// Copies `length` resolved levels (rule L1 applied) into `levels`.
void pr_ubidi_get_levels(PRBidi *bidi, uint8_t *levels, int32_t length, int32_t *status);
void pr_ubidi_close(PRBidi *bidi);
// Rule L2: indexMap[visualIndex] = logicalIndex.
void pr_ubidi_reorder_visual(const uint8_t *levels, int32_t length, int32_t *indexMap);

// Locale-aware formatting for data binding (format.c; ICU's i18n library). Results are UTF-8,
// written to `out` (capacity `capacity` bytes, not NUL-terminated); the return value is the full
// length, which may exceed `capacity` (then call again with a larger buffer).
typedef struct PRNumberFormatter PRNumberFormatter;
typedef struct PRDateFormat PRDateFormat;
typedef struct PRCaseMap PRCaseMap;

// BCP 47 tag ("sr-Latn-RS") to an ICU locale ID ("sr_Latn_RS"); returns the ID's length.
int32_t pr_uloc_for_language_tag(const char *tag, char *out, int32_t capacity, int32_t *status);

// ICU number skeleton ("currency/EUR rounding-mode-half-up"). The formatter is immutable and may
// be shared between threads.
PRNumberFormatter *pr_unumf_open(const char *skeleton, const char *locale, int32_t *status);
// `digits` is a decimal string in decNumber syntax ("-1234.505", "123450E-2"); formatted exactly.
int32_t pr_unumf_format_decimal(const PRNumberFormatter *formatter, const char *digits, int32_t length,
                                char *out, int32_t capacity, int32_t *status);
void pr_unumf_close(PRNumberFormatter *formatter);

// Date formats in UTC. Style: 0 full, 1 long, 2 medium, 3 short (UDateFormatStyle).
PRDateFormat *pr_udat_open_style(int32_t style, const char *locale, int32_t *status);
// A CLDR pattern ("dd.MM.yyyy"), UTF-8.
PRDateFormat *pr_udat_open_pattern(const char *pattern, int32_t length, const char *locale, int32_t *status);
// `millis`: milliseconds since 1970-01-01T00:00Z (ICU's UDate).
int32_t pr_udat_format(const PRDateFormat *format, double millis, char *out, int32_t capacity, int32_t *status);
void pr_udat_close(PRDateFormat *format);

// Locale-aware full case mapping of UTF-8 text (Turkish dotted i, German ß -> SS). Immutable, shareable.
PRCaseMap *pr_ucasemap_open(const char *locale, int32_t *status);
int32_t pr_ucasemap_utf8(const PRCaseMap *map, int32_t upper, const char *text, int32_t length,
                         char *out, int32_t capacity, int32_t *status);
void pr_ucasemap_close(PRCaseMap *map);

// UTS #46 (IDNA 2008 with the Unicode compatibility mapping), nontransitional, with the STD3
// ASCII rules, CheckBidi and CheckJoiners: a UTF-8 domain to its ASCII form (Punycode labels,
// "müller.de" -> "xn--mller-kva.de") or back. Returns the result's length; `errors` receives
// the UIDNA_ERROR_ bits (0 when the name is valid).
int32_t pr_uidna_name_to_ascii(const char *name, int32_t length, char *out, int32_t capacity, uint32_t *errors, int32_t *status);
int32_t pr_uidna_name_to_unicode(const char *name, int32_t length, char *out, int32_t capacity, uint32_t *errors, int32_t *status);
