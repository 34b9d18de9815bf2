// Implementation of the libpng wrapper declared in include/CPNGShim.h: the classic read API over a memory
// buffer, with every libpng call that can fail inside a function that owns the setjmp.
#include "CPNGShim.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cpng_reader {
    png_structp png;
    png_infop info;
    const uint8_t *data;
    size_t size;
    size_t offset;
    int truncated;
    int started;  // cpng_read_info was called
    int ready;    // cpng_read_info succeeded, so pixels may be read
    char message[256];
    char chunk[5];
    png_bytep *rows;
};

static void cpng_on_error(png_structp png, png_const_charp message) {
    cpng_reader *reader = (cpng_reader *)png_get_error_ptr(png);
    snprintf(reader->message, sizeof reader->message, "%s", message ? message : "unknown libpng error");
    png_uint_32 type = png_get_io_chunk_type(png);
    for (int i = 0; i < 4; i++) {
        char c = (char)((type >> (24 - 8 * i)) & 0xFF);
        reader->chunk[i] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : '?';
    }
    reader->chunk[4] = '\0';
    if (type == 0) reader->chunk[0] = '\0';
    png_longjmp(png, 1);  // must not return: libpng would fall back to its default handler, which prints
}

static void cpng_on_warning(png_structp png, png_const_charp message) {
    // Warnings (benign errors, bad CRCs of ancillary chunks) are dropped: the image is still usable.
    (void)png;
    (void)message;
}

static void cpng_read_data(png_structp png, png_bytep out, size_t length) {
    cpng_reader *reader = (cpng_reader *)png_get_io_ptr(png);
    if (length > reader->size - reader->offset) {
        reader->truncated = 1;
        png_error(png, "unexpected end of data");
    }
    memcpy(out, reader->data + reader->offset, length);
    reader->offset += length;
}

static int cpng_contains(const char *haystack, const char *needle) {
    size_t n = strlen(needle);
    for (const char *p = haystack; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && (p[i] | 0x20) == (needle[i] | 0x20)) i++;
        if (i == n) return 1;
    }
    return 0;
}

static cpng_status cpng_classify(const cpng_reader *reader) {
    if (reader->truncated) return CPNG_ERR_TRUNCATED;
    if (cpng_contains(reader->message, "CRC error")) return CPNG_ERR_BAD_CRC;
    if (cpng_contains(reader->message, "exceeds user limit") ||
        cpng_contains(reader->message, "too large for this architecture")) return CPNG_ERR_TOO_LARGE;
    if (cpng_contains(reader->message, "Not a PNG file") ||
        cpng_contains(reader->message, "corrupted by ASCII conversion")) return CPNG_ERR_NOT_PNG;
    if (cpng_contains(reader->message, "out of memory")) return CPNG_ERR_NO_MEMORY;
    return CPNG_ERR_CORRUPT;
}

cpng_reader *cpng_reader_create(const uint8_t *data, size_t size) {
    cpng_reader *reader = calloc(1, sizeof *reader);
    if (!reader) return NULL;
    reader->data = data;
    reader->size = size;
    reader->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reader, cpng_on_error, cpng_on_warning);
    if (!reader->png) {
        free(reader);
        return NULL;
    }
    reader->info = png_create_info_struct(reader->png);
    if (!reader->info) {
        png_destroy_read_struct(&reader->png, NULL, NULL);
        free(reader);
        return NULL;
    }
    png_set_read_fn(reader->png, reader, cpng_read_data);
    return reader;
}

static int cpng_channels(int color_type) {
    switch (color_type) {
    case PNG_COLOR_TYPE_GRAY: return 1;
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_PALETTE: return 1;
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
    default: return 0;
    }
}

cpng_status cpng_read_info(cpng_reader *reader, const cpng_limits *limits, cpng_info *info) {
    if (!reader || !limits || !info || reader->started) return CPNG_ERR_USAGE;
    reader->started = 1;
    memset(info, 0, sizeof *info);
    png_structp png = reader->png;
    png_infop pinfo = reader->info;
    if (setjmp(png_jmpbuf(png))) return cpng_classify(reader);

    png_set_user_limits(png, limits->max_dimension, limits->max_dimension);
    png_set_chunk_malloc_max(png, 16u * 1024u * 1024u);  // caps iCCP/zTXt inflation
    // Critical chunks with a bad CRC are errors; ancillary ones are discarded with a warning.
    png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_WARN_DISCARD);
    png_read_info(png, pinfo);

    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0, interlace = 0;
    png_get_IHDR(png, pinfo, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    info->width = width;
    info->height = height;
    info->bit_depth = bit_depth;
    info->color_type = color_type;
    info->interlaced = interlace != PNG_INTERLACE_NONE;

    int out_bits = bit_depth;
    int out_channels = cpng_channels(color_type);
    int has_trns = png_get_valid(png, pinfo, PNG_INFO_tRNS) != 0;

    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_colorp palette = NULL;
        int count = 0;
        if (png_get_PLTE(png, pinfo, &palette, &count) && palette) {
            if (count > 256) count = 256;
            for (int i = 0; i < count; i++) {
                info->palette[3 * i] = palette[i].red;
                info->palette[3 * i + 1] = palette[i].green;
                info->palette[3 * i + 2] = palette[i].blue;
            }
            info->palette_count = count;
        }
        png_bytep alpha = NULL;
        int alpha_count = 0;
        if (has_trns && png_get_tRNS(png, pinfo, &alpha, &alpha_count, NULL) && alpha) {
            if (alpha_count > 256) alpha_count = 256;
            int translucent = 0;
            for (int i = 0; i < alpha_count; i++) translucent |= alpha[i] != 255;
            if (translucent) {
                memcpy(info->palette_alpha, alpha, (size_t)alpha_count);
                info->palette_alpha_count = alpha_count;
                // One byte per index so the alpha mask (8-bit) and the indices share a bit depth.
                if (bit_depth < 8) png_set_packing(png);
                out_bits = 8;
            }
        }
    } else if (has_trns && (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_RGB)) {
        png_set_tRNS_to_alpha(png);  // also expands 1/2/4-bit grey to 8 bits
        info->color_key_alpha = 1;
        out_channels += 1;
        if (out_bits < 8) out_bits = 8;
    }

    // Limits, before anything image-sized is allocated (by us or by libpng).
    uint64_t pixels = (uint64_t)width * (uint64_t)height;
    uint64_t bytes = pixels * (uint64_t)out_channels * (uint64_t)(out_bits > 8 ? 2 : 1);
    if (out_bits < 8) bytes = (((uint64_t)width * (uint64_t)out_bits * (uint64_t)out_channels + 7) / 8) * height;
    if (pixels > limits->max_pixels || bytes > limits->max_bytes) {
        snprintf(reader->message, sizeof reader->message, "image of %u x %u pixels exceeds the limits",
                 (unsigned)width, (unsigned)height);
        return CPNG_ERR_TOO_LARGE;
    }

    if (interlace != PNG_INTERLACE_NONE) png_set_interlace_handling(png);
    png_read_update_info(png, pinfo);
    info->out_bit_depth = png_get_bit_depth(png, pinfo);
    info->out_channels = png_get_channels(png, pinfo);
    info->row_bytes = png_get_rowbytes(png, pinfo);

    png_charp name = NULL;
    int compression = 0;
    png_bytep profile = NULL;
    png_uint_32 profile_length = 0;
    if (png_get_iCCP(png, pinfo, &name, &compression, &profile, &profile_length) == PNG_INFO_iCCP && profile) {
        info->icc_profile = profile;
        info->icc_profile_length = profile_length;
    }
    reader->ready = 1;
    return CPNG_OK;
}

cpng_status cpng_read_pixels(cpng_reader *reader, uint8_t *pixels, size_t size) {
    if (!reader || !pixels || !reader->ready || reader->rows) return CPNG_ERR_USAGE;
    png_structp png = reader->png;
    png_infop pinfo = reader->info;
    size_t row_bytes = png_get_rowbytes(png, pinfo);
    png_uint_32 height = png_get_image_height(png, pinfo);
    if (height == 0 || row_bytes == 0 || size / row_bytes < height) return CPNG_ERR_USAGE;
    reader->rows = malloc(sizeof(png_bytep) * height);
    if (!reader->rows) return CPNG_ERR_NO_MEMORY;
    for (png_uint_32 y = 0; y < height; y++) reader->rows[y] = pixels + (size_t)y * row_bytes;

    if (setjmp(png_jmpbuf(png))) return cpng_classify(reader);
    png_read_image(png, reader->rows);
    png_read_end(png, NULL);  // checks the CRCs of the last IDAT and of everything through IEND
    return CPNG_OK;
}

const char *cpng_reader_message(const cpng_reader *reader) { return reader ? reader->message : ""; }

const char *cpng_reader_chunk(const cpng_reader *reader) { return reader ? reader->chunk : ""; }

void cpng_reader_destroy(cpng_reader *reader) {
    if (!reader) return;
    png_destroy_read_struct(&reader->png, &reader->info, NULL);
    free(reader->rows);
    free(reader);
}
