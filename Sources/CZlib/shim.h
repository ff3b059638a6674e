#ifndef LCR_CZLIB_SHIM_H
#define LCR_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 and deflateInit2 are macros (they pass ZLIB_VERSION and sizeof(z_stream)): typed wrappers for Swift. */

/* Starts raw deflate decoding (no zlib or gzip header), as zip entries hold. */
static inline int lcr_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

/* Starts raw deflate encoding at `level`, as zip entries hold. */
static inline int lcr_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
#endif
