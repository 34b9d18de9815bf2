// The UTS #46 wrappers declared in include/CICUShim.h (ICU's uidna.h).
#define U_SHOW_CPLUSPLUS_API 0
#include <unicode/uidna.h>
#include "CICUShim.h"

static int32_t convert(int toASCII, const char *name, int32_t length, char *out, int32_t capacity, uint32_t *errors, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UIDNA *idna = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE | UIDNA_USE_STD3_RULES |
                                  UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &err);
    if (U_FAILURE(err)) {
        *status = err;
        return 0;
    }
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t result = toASCII ? uidna_nameToASCII_UTF8(idna, name, length, out, capacity, &info, &err)
                             : uidna_nameToUnicodeUTF8(idna, name, length, out, capacity, &info, &err);
    uidna_close(idna);
    *errors = info.errors;
    *status = err == U_STRING_NOT_TERMINATED_WARNING ? U_ZERO_ERROR : err;
    return result;
}

int32_t pr_uidna_name_to_ascii(const char *name, int32_t length, char *out, int32_t capacity, uint32_t *errors, int32_t *status) {
    return convert(1, name, length, out, capacity, errors, status);
}

int32_t pr_uidna_name_to_unicode(const char *name, int32_t length, char *out, int32_t capacity, uint32_t *errors, int32_t *status) {
    return convert(0, name, length, out, capacity, errors, status);
}
