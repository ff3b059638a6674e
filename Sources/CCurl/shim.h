#ifndef LCR_CCURL_SHIM_H
#define LCR_CCURL_SHIM_H
/* libcurl's types and constants only: the process does not link libcurl; CShims loads it on first use and
 * Swift calls it only through CShims' lcr_curl_ functions. */
#include <curl/curl.h>
#endif
