/* The OpenSSL shims are static inline functions in include/CShims.h. This file is libcurl's loader: the
 * process does not link libcurl (it and the ~25 libraries it needs would cost every run memory, though most
 * runs never transfer anything), so the first lcr_curl_ call dlopens libcurl.so.4 and dlsyms every function
 * we use into one table. If the library or any one function is missing, nothing is loaded: every wrapper
 * then returns its failure value and calls nothing, and lcr_curl_load_error() gives dlerror's reason. */
#include "CShims.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* The OpenSSL build of libcurl 4 (Debian's libcurl4): the probes read its OpenSSL session, the one our
 * libssl.so.3 made. */
#define LCR_CURL_SONAME "libcurl.so.4"

/* libcurl's functions by their declared types (curl.h), under our own field names. */
struct lcr_curl_functions {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_perform) *easy_perform;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_mime_init) *mime_init;
    __typeof__(curl_mime_addpart) *mime_addpart;
    __typeof__(curl_mime_data) *mime_data;
    __typeof__(curl_mime_type) *mime_type;
    __typeof__(curl_mime_free) *mime_free;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_multi_info_read) *multi_info_read;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
    __typeof__(curl_multi_strerror) *multi_strerror;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
};

static pthread_once_t lcr_curl_once = PTHREAD_ONCE_INIT;
static struct lcr_curl_functions lcr_curl_table;
/* &lcr_curl_table once every function was found; NULL until then and for good if one was not. */
static const struct lcr_curl_functions *lcr_curl_loaded;
static char lcr_curl_error[512] = "libcurl was not loaded";

static void lcr_curl_record_dlerror(const char *fallback) {
    const char *reason = dlerror();
    snprintf(lcr_curl_error, sizeof lcr_curl_error, "%s", reason ? reason : fallback);
}

/* The address of `name` in `library`, or NULL with the reason recorded. */
static void *lcr_curl_symbol(void *library, const char *name) {
    dlerror();  /* clear any earlier error, so the one read below is this look-up's */
    void *address = dlsym(library, name);
    if (!address) lcr_curl_record_dlerror("a libcurl function resolved to NULL");
    return address;
}

#define LCR_CURL_RESOLVE(field, name) \
    ((table.field = (__typeof__(table.field))lcr_curl_symbol(library, name)) != NULL)

static void lcr_curl_load_once(void) {
    void *library = dlopen(LCR_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        lcr_curl_record_dlerror(LCR_CURL_SONAME ": dlopen failed");
        return;
    }
    struct lcr_curl_functions table;
    int found = LCR_CURL_RESOLVE(global_init, "curl_global_init")
        && LCR_CURL_RESOLVE(easy_init, "curl_easy_init")
        && LCR_CURL_RESOLVE(easy_cleanup, "curl_easy_cleanup")
        && LCR_CURL_RESOLVE(easy_perform, "curl_easy_perform")
        && LCR_CURL_RESOLVE(easy_strerror, "curl_easy_strerror")
        && LCR_CURL_RESOLVE(easy_setopt, "curl_easy_setopt")
        && LCR_CURL_RESOLVE(easy_getinfo, "curl_easy_getinfo")
        && LCR_CURL_RESOLVE(mime_init, "curl_mime_init")
        && LCR_CURL_RESOLVE(mime_addpart, "curl_mime_addpart")
        && LCR_CURL_RESOLVE(mime_data, "curl_mime_data")
        && LCR_CURL_RESOLVE(mime_type, "curl_mime_type")
        && LCR_CURL_RESOLVE(mime_free, "curl_mime_free")
        && LCR_CURL_RESOLVE(multi_init, "curl_multi_init")
        && LCR_CURL_RESOLVE(multi_add_handle, "curl_multi_add_handle")
        && LCR_CURL_RESOLVE(multi_remove_handle, "curl_multi_remove_handle")
        && LCR_CURL_RESOLVE(multi_perform, "curl_multi_perform")
        && LCR_CURL_RESOLVE(multi_poll, "curl_multi_poll")
        && LCR_CURL_RESOLVE(multi_info_read, "curl_multi_info_read")
        && LCR_CURL_RESOLVE(multi_cleanup, "curl_multi_cleanup")
        && LCR_CURL_RESOLVE(multi_strerror, "curl_multi_strerror")
        && LCR_CURL_RESOLVE(slist_append, "curl_slist_append")
        && LCR_CURL_RESOLVE(slist_free_all, "curl_slist_free_all");
    /* On a missing function the library stays mapped but is never called (unloading it is riskier than that). */
    if (!found) return;
    lcr_curl_table = table;
    lcr_curl_error[0] = '\0';
    lcr_curl_loaded = &lcr_curl_table;
}

/* The table, loading it on the first call (pthread_once also orders every caller after the load); NULL when
 * libcurl could not be loaded. */
static const struct lcr_curl_functions *lcr_curl(void) {
    return pthread_once(&lcr_curl_once, lcr_curl_load_once) == 0 ? lcr_curl_loaded : NULL;
}

int lcr_curl_load(void) { return lcr_curl() != NULL; }
const char *lcr_curl_load_error(void) { return lcr_curl() ? "" : lcr_curl_error; }

/* One line each: call through the table when loaded, else return the failure value. */
#define LCR_CURL_NOT_LOADED "libcurl is not loaded"
CURLcode lcr_curl_global_init(long flags) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->global_init(flags) : CURLE_FAILED_INIT; }
CURL *lcr_curl_easy_init(void) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_init() : NULL; }
void lcr_curl_easy_cleanup(CURL *h) { const struct lcr_curl_functions *c = lcr_curl(); if (c) c->easy_cleanup(h); }
CURLcode lcr_curl_easy_perform(CURL *h) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_perform(h) : CURLE_FAILED_INIT; }
const char *lcr_curl_easy_strerror(CURLcode e) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_strerror(e) : LCR_CURL_NOT_LOADED; }
curl_mime *lcr_curl_mime_init(CURL *h) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->mime_init(h) : NULL; }
curl_mimepart *lcr_curl_mime_addpart(curl_mime *m) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->mime_addpart(m) : NULL; }
CURLcode lcr_curl_mime_data(curl_mimepart *p, const char *data, size_t size) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->mime_data(p, data, size) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_mime_type(curl_mimepart *p, const char *type) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->mime_type(p, type) : CURLE_FAILED_INIT; }
void lcr_curl_mime_free(curl_mime *m) { const struct lcr_curl_functions *c = lcr_curl(); if (c) c->mime_free(m); }
CURLM *lcr_curl_multi_init(void) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_init() : NULL; }
CURLMcode lcr_curl_multi_add_handle(CURLM *m, CURL *h) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_add_handle(m, h) : CURLM_INTERNAL_ERROR; }
CURLMcode lcr_curl_multi_remove_handle(CURLM *m, CURL *h) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_remove_handle(m, h) : CURLM_INTERNAL_ERROR; }
CURLMcode lcr_curl_multi_perform(CURLM *m, int *running) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_perform(m, running) : CURLM_INTERNAL_ERROR; }
CURLMcode lcr_curl_multi_poll(CURLM *m, struct curl_waitfd *extra, unsigned int count, int timeout_ms, int *ready) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_poll(m, extra, count, timeout_ms, ready) : CURLM_INTERNAL_ERROR; }
CURLMsg *lcr_curl_multi_info_read(CURLM *m, int *queued) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_info_read(m, queued) : NULL; }
CURLMcode lcr_curl_multi_cleanup(CURLM *m) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_cleanup(m) : CURLM_INTERNAL_ERROR; }
const char *lcr_curl_multi_strerror(CURLMcode e) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->multi_strerror(e) : LCR_CURL_NOT_LOADED; }
struct curl_slist *lcr_curl_slist_append(struct curl_slist *l, const char *s) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->slist_append(l, s) : NULL; }
void lcr_curl_slist_free_all(struct curl_slist *l) { const struct lcr_curl_functions *c = lcr_curl(); if (c) c->slist_free_all(l); }

/* libcurl's variadic functions, one typed wrapper per argument kind */
CURLcode lcr_curl_easy_setopt_long(CURL *h, CURLoption o, long v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_offset(CURL *h, CURLoption o, curl_off_t v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_write_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, CURLOPT_WRITEFUNCTION, f) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_read_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, CURLOPT_READFUNCTION, f) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_prereq_function(CURL *h, curl_prereq_callback f) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, CURLOPT_PREREQFUNCTION, f) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback f) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_getinfo(h, i, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_getinfo_offset(CURL *h, CURLINFO i, curl_off_t *v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_getinfo(h, i, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_getinfo(h, i, v) : CURLE_FAILED_INIT; }
CURLcode lcr_curl_easy_getinfo_tls_session(CURL *h, struct curl_tlssessioninfo **v) { const struct lcr_curl_functions *c = lcr_curl(); return c ? c->easy_getinfo(h, CURLINFO_TLS_SSL_PTR, v) : CURLE_FAILED_INIT; }
