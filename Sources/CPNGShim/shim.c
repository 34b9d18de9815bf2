// Implementation of the libpng wrapper declared in include/CPNGShim.h.
#include "CPNGShim.h"
