// PNG decoding through libpng with its longjmp error handling kept inside C.
// Every function that calls into libpng does its own setjmp and reports failure as a cpng_status.
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cpng_status {
    CPNG_OK = 0,
    CPNG_ERR_TRUNCATED = 1,   // the data ended before libpng had read everything it needed
    CPNG_ERR_BAD_CRC = 2,     // a critical chunk's CRC is wrong (cpng_reader_chunk names it)
    CPNG_ERR_TOO_LARGE = 3,   // the declared size exceeds the limits passed to cpng_read_info
    CPNG_ERR_NOT_PNG = 4,     // no PNG signature
    CPNG_ERR_NO_MEMORY = 5,
    CPNG_ERR_CORRUPT = 6,     // any other libpng error; cpng_reader_message has libpng's text
    CPNG_ERR_USAGE = 7        // the caller broke the calling sequence or passed a short buffer
} cpng_status;

typedef struct cpng_limits {
    uint32_t max_dimension;   // per side, handed to png_set_user_limits
    uint64_t max_pixels;      // width * height
    uint64_t max_bytes;       // width * height * output channels * output bytes per sample
} cpng_limits;

typedef struct cpng_info {
    // As declared in IHDR.
    uint32_t width;
    uint32_t height;
    int bit_depth;
    int color_type;           // 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
    int interlaced;           // 1 for Adam7; the shim de-interlaces
    // Layout of the rows cpng_read_pixels produces (16-bit samples stay big-endian, rows are byte-aligned).
    int out_bit_depth;
    int out_channels;
    size_t row_bytes;
    // Palette (colour type 3): RGB triples, and per-index alpha from tRNS when any entry is below 255.
    // With such a tRNS the shim unpacks indices to one byte per pixel (out_bit_depth 8).
    int palette_count;
    uint8_t palette[768];
    int palette_alpha_count;
    uint8_t palette_alpha[256];
    // Grey/RGB with a tRNS colour key: the shim turned it into an alpha channel (out_channels + 1,
    // low-bit grey scaled up to 8 bits).
    int color_key_alpha;
    // Decompressed iCCP profile; owned by the reader, valid until cpng_reader_destroy.
    const uint8_t *icc_profile;
    size_t icc_profile_length;
} cpng_info;

typedef struct cpng_reader cpng_reader;

/// A reader over `size` bytes at `data`, which must stay valid until cpng_reader_destroy. NULL if out of memory.
cpng_reader *cpng_reader_create(const uint8_t *data, size_t size);
/// Reads the chunks up to the first IDAT, checks the limits before anything image-sized is allocated,
/// and sets up the transformations described in cpng_info.
cpng_status cpng_read_info(cpng_reader *reader, const cpng_limits *limits, cpng_info *info);
/// Decodes all rows into `pixels` (at least row_bytes * height bytes) and reads the chunks through IEND.
cpng_status cpng_read_pixels(cpng_reader *reader, uint8_t *pixels, size_t size);
/// libpng's message for the last error ("" if none).
const char *cpng_reader_message(const cpng_reader *reader);
/// The four-letter type of the chunk being read when the last error happened ("" if none).
const char *cpng_reader_chunk(const cpng_reader *reader);
void cpng_reader_destroy(cpng_reader *reader);

#ifdef __cplusplus
}
#endif
