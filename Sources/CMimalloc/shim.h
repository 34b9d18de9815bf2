// mimalloc (Debian's libmimalloc-dev): linked into the pressroom executable, where it takes the
// place of glibc's malloc for the whole process (Swift runtime and C libraries alike).
#include <mimalloc.h>
