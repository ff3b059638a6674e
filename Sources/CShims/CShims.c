/* Every shim is a static inline function in include/CShims.h; this file gives the target a translation unit. */
#include "CShims.h"
