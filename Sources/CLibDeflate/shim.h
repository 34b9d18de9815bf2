// libdeflate (Debian's libdeflate-dev): whole-buffer DEFLATE/zlib compression, several times
// faster than zlib's streaming deflate on the small streams a PDF is made of.
#include <libdeflate.h>
