#ifndef LCR_CCURL_SHIM_H
#define LCR_CCURL_SHIM_H
#include <curl/curl.h>
#endif
