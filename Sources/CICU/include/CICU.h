#ifndef CICU_H
#define CICU_H
/*
 * A few plain C functions over ICU (libicu-dev), for Swift.
 *
 * Swift cannot import ICU's headers beside Foundation (Foundation ships its own ICU and the
 * UErrorCode enums clash) and ICU's API names are version-suffixed macros. This shim keeps
 * ICU's headers inside cicu.c and exposes functions over uint16_t (UTF-16) buffers only.
 */
#include <stdint.h>

/* Opens a UAX #29 word break iterator for locale "da"; NULL on failure. One per thread. */
void *cicu_word_iterator_open(void);
void cicu_word_iterator_close(void *iterator);

/*
 * Finds word segments (rule status not "none": letters, numbers, ideographs) in text[0..<length].
 * Writes up to capacity start/end offsets (UTF-16 units) and returns how many words there are,
 * which may exceed capacity: call again with more room. Returns -1 on error.
 */
int32_t cicu_words(void *iterator, const uint16_t *text, int32_t length, int32_t *starts, int32_t *ends, int32_t capacity);

/*
 * NFC-normalises and case-folds src into dst. Returns the length of the result, which may
 * exceed capacity (then nothing useful was written), or -1 on error.
 */
int32_t cicu_fold(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity);

#endif
