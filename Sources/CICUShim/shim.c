// Implementation of the unversioned ICU wrappers declared in include/CICUShim.h.
#define U_SHOW_CPLUSPLUS_API 0
#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include "CICUShim.h"

const char *pr_icu_unicode_version(void) { return U_UNICODE_VERSION; }

PRBreakIterator *pr_ubrk_open_line(const char *locale, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, (const UChar *)text, length, &err);
    *status = err;
    return (PRBreakIterator *)bi;
}

PRBreakIterator *pr_ubrk_clone(const PRBreakIterator *bi, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *copy = ubrk_clone((const UBreakIterator *)bi, &err);
    *status = err;
    return (PRBreakIterator *)copy;
}

void pr_ubrk_set_text(PRBreakIterator *bi, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)bi, (const UChar *)text, length, &err);
    *status = err;
}

int32_t pr_ubrk_first(PRBreakIterator *bi) { return ubrk_first((UBreakIterator *)bi); }
int32_t pr_ubrk_next(PRBreakIterator *bi) { return ubrk_next((UBreakIterator *)bi); }
int32_t pr_ubrk_get_rule_status(PRBreakIterator *bi) { return ubrk_getRuleStatus((UBreakIterator *)bi); }
void pr_ubrk_close(PRBreakIterator *bi) { ubrk_close((UBreakIterator *)bi); }

PRBidi *pr_ubidi_open(void) { return (PRBidi *)ubidi_open(); }

void pr_ubidi_set_para(PRBidi *bidi, const uint16_t *text, int32_t length, uint8_t paraLevel, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubidi_setPara((UBiDi *)bidi, (const UChar *)text, length, paraLevel, NULL, &err);
    *status = err;
}

uint8_t pr_ubidi_get_para_level(PRBidi *bidi) { return ubidi_getParaLevel((UBiDi *)bidi); }

void pr_ubidi_get_levels(PRBidi *bidi, uint8_t *levels, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    if (length == 0) { *status = err; return; }  // ubidi_getLevels rejects empty text
    const UBiDiLevel *resolved = ubidi_getLevels((UBiDi *)bidi, &err);
    if (U_SUCCESS(err)) memcpy(levels, resolved, (size_t)length);
    *status = err;
}

void pr_ubidi_close(PRBidi *bidi) { ubidi_close((UBiDi *)bidi); }

void pr_ubidi_reorder_visual(const uint8_t *levels, int32_t length, int32_t *indexMap) {
    ubidi_reorderVisual(levels, length, indexMap);
}
