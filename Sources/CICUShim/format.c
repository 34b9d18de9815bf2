// Locale-aware number, date and case formatting over ICU's C API (unumberformatter.h, udat.h,
// ucasemap.h), wrapped unversioned for Swift like shim.c. Output is UTF-8 for Swift's native strings.
#define U_SHOW_CPLUSPLUS_API 0
#include <pthread.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ucasemap.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>
#include "CICUShim.h"

int32_t pr_uloc_for_language_tag(const char *tag, char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t length = uloc_forLanguageTag(tag, out, capacity, NULL, &err);
    *status = err;
    return length;
}

// UTF-16 result -> UTF-8 `out`; returns the UTF-8 length (the needed capacity on overflow).
static int32_t to_utf8(const UChar *text, int32_t length, char *out, int32_t capacity, UErrorCode *err) {
    int32_t written = 0;
    u_strToUTF8(out, capacity, &written, text, length, err);
    if (*err == U_STRING_NOT_TERMINATED_WARNING) *err = U_ZERO_ERROR;
    return written;
}

// Up to 256 UTF-16 units are converted on the stack; longer input goes through the heap.
#define PR_STACK_UNITS 256

PRNumberFormatter *pr_unumf_open(const char *skeleton, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar units[PR_STACK_UNITS];
    int32_t length = 0;
    u_strFromUTF8(units, PR_STACK_UNITS, &length, skeleton, -1, &err);
    UNumberFormatter *formatter = NULL;
    if (U_SUCCESS(err) && length < PR_STACK_UNITS) formatter = unumf_openForSkeletonAndLocale(units, length, locale, &err);
    else if (U_SUCCESS(err)) err = U_BUFFER_OVERFLOW_ERROR;
    *status = err;
    return (PRNumberFormatter *)formatter;
}

// One result object per thread: UNumberFormatter is immutable and thread-safe, UFormattedNumber is
// not; opening one per call would cost an allocation each time.
static pthread_key_t result_key;
static pthread_once_t result_once = PTHREAD_ONCE_INIT;
static void close_result(void *result) { unumf_closeResult((UFormattedNumber *)result); }
static void make_result_key(void) { pthread_key_create(&result_key, close_result); }

static UFormattedNumber *thread_result(UErrorCode *err) {
    pthread_once(&result_once, make_result_key);
    UFormattedNumber *result = (UFormattedNumber *)pthread_getspecific(result_key);
    if (result == NULL) {
        result = unumf_openResult(err);
        if (U_FAILURE(*err)) return NULL;
        pthread_setspecific(result_key, result);
    }
    return result;
}

int32_t pr_unumf_format_decimal(const PRNumberFormatter *formatter, const char *digits, int32_t length,
                                char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UFormattedNumber *result = thread_result(&err);
    int32_t written = 0;
    if (U_SUCCESS(err)) unumf_formatDecimal((const UNumberFormatter *)formatter, digits, length, result, &err);
    if (U_SUCCESS(err)) {
        UChar units[PR_STACK_UNITS];
        int32_t unitCount = unumf_resultToString(result, units, PR_STACK_UNITS, &err);
        if (U_SUCCESS(err)) written = to_utf8(units, unitCount, out, capacity, &err);
    }
    *status = err;
    return written;
}

void pr_unumf_close(PRNumberFormatter *formatter) { unumf_close((UNumberFormatter *)formatter); }

static const UChar utc[] = {'U', 'T', 'C', 0};

// Callers count days in the proleptic Gregorian calendar (ISO 8601); ICU's Gregorian calendar
// switches to Julian before 1582-10-15 unless told otherwise. Other calendars are left alone.
static void make_proleptic(UDateFormat *format) {
    UErrorCode err = U_ZERO_ERROR;
    UCalendar *calendar = ucal_clone(udat_getCalendar(format), &err);
    if (U_FAILURE(err)) return;
    ucal_setGregorianChange(calendar, -8.64e15, &err);
    if (U_SUCCESS(err)) udat_setCalendar(format, calendar);
    ucal_close(calendar);
}

PRDateFormat *pr_udat_open_style(int32_t style, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *format = udat_open(UDAT_NONE, (UDateFormatStyle)style, locale, utc, -1, NULL, 0, &err);
    if (U_SUCCESS(err)) make_proleptic(format);
    *status = err;
    return (PRDateFormat *)format;
}

PRDateFormat *pr_udat_open_pattern(const char *pattern, int32_t length, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar units[PR_STACK_UNITS];
    int32_t unitCount = 0;
    u_strFromUTF8(units, PR_STACK_UNITS, &unitCount, pattern, length, &err);
    UDateFormat *format = NULL;
    if (U_SUCCESS(err) && unitCount < PR_STACK_UNITS)
        format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, units, unitCount, &err);
    else if (U_SUCCESS(err)) err = U_BUFFER_OVERFLOW_ERROR;
    if (U_SUCCESS(err)) make_proleptic(format);
    *status = err;
    return (PRDateFormat *)format;
}

int32_t pr_udat_format(const PRDateFormat *format, double millis, char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar units[PR_STACK_UNITS];
    int32_t unitCount = udat_format((const UDateFormat *)format, millis, units, PR_STACK_UNITS, NULL, &err);
    int32_t written = 0;
    if (U_SUCCESS(err)) written = to_utf8(units, unitCount, out, capacity, &err);
    *status = err;
    return written;
}

void pr_udat_close(PRDateFormat *format) { udat_close((UDateFormat *)format); }

PRCaseMap *pr_ucasemap_open(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCaseMap *map = ucasemap_open(locale, 0, &err);
    *status = err;
    return (PRCaseMap *)map;
}

int32_t pr_ucasemap_utf8(const PRCaseMap *map, int32_t upper, const char *text, int32_t length,
                         char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t written = upper ? ucasemap_utf8ToUpper((const UCaseMap *)map, out, capacity, text, length, &err)
                            : ucasemap_utf8ToLower((const UCaseMap *)map, out, capacity, text, length, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return written;
}

void pr_ucasemap_close(PRCaseMap *map) { ucasemap_close((UCaseMap *)map); }
