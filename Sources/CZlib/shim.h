// zlib: Flate compression of PDF streams.
#include <zlib.h>
