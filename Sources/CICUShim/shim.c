// Implementation of the unversioned ICU wrappers declared in include/CICUShim.h.
#include "CICUShim.h"
