// SHA-256 through OpenSSL's libcrypto.
//
// The importer hashes every file it reads to tell whether it changed. libcrypto picks the
// fastest code the processor supports at run time (the SHA extensions on current x86 and
// ARM cores), several times faster than portable code in Swift or C.
#include "CDigest.h"
#include <openssl/evp.h>

int referat_sha256(const void *data, size_t size, unsigned char digest[32]) {
    unsigned int length = 0;
    return EVP_Digest(data, size, digest, &length, EVP_sha256(), NULL) == 1 && length == 32;
}
