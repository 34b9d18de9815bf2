// libzint 2.11 (Debian's libzint-dev); no pkg-config file, so the library is linked by name.
#include <zint.h>
