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
