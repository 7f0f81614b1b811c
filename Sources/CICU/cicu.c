#include "CICU.h"
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

void *cicu_word_iterator_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "da", NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    return iterator;
}

void cicu_word_iterator_close(void *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t cicu_words(void *iterator, const uint16_t *text, int32_t length, int32_t *starts, int32_t *ends, int32_t capacity) {
    UBreakIterator *bi = (UBreakIterator *)iterator;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        if (ubrk_getRuleStatus(bi) == UBRK_WORD_NONE) continue;
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
        }
        count++;
    }
    return count;
}

int32_t cicu_fold(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UChar normalised[256];
    const UChar *input = (const UChar *)src;
    int32_t inputLength = length;
    if (length < 256 && unorm2_quickCheck(nfc, input, length, &status) != UNORM_YES) {
        status = U_ZERO_ERROR;
        inputLength = unorm2_normalize(nfc, input, length, normalised, 256, &status);
        if (U_FAILURE(status)) return -1;
        input = normalised;
    }
    status = U_ZERO_ERROR;
    int32_t n = u_strFoldCase((UChar *)dst, capacity, input, inputLength, U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    if (U_FAILURE(status)) return -1;
    return n;
}
