#ifndef LCR_CSHIMS_H
#define LCR_CSHIMS_H
/* The few C calls Swift cannot make: OpenSSL macros (static inline, one line each), and libcurl, which the
 * process loads only when it first transfers (CShims.c): the lcr_curl_ functions below call through a table
 * of pointers dlsym'd from libcurl.so.4, and when the library or any function is missing each returns its
 * failure value (NULL, CURLE_FAILED_INIT, CURLM_INTERNAL_ERROR) without calling anything.
 * The names are ours, never libcurl's: an exported curl_* symbol would interpose libcurl's own calls. */
#include <openssl/pem.h>
#include <openssl/cms.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <curl/curl.h>

/* OpenSSL stack macros */
static inline STACK_OF(X509) *lcr_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int lcr_sk_X509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
static inline int lcr_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *lcr_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline void lcr_sk_X509_free(STACK_OF(X509) *s) { sk_X509_free(s); }
static inline void lcr_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline int lcr_sk_GENERAL_NAME_num(const GENERAL_NAMES *s) { return sk_GENERAL_NAME_num(s); }
static inline GENERAL_NAME *lcr_sk_GENERAL_NAME_value(const GENERAL_NAMES *s, int i) { return sk_GENERAL_NAME_value(s, i); }
static inline void lcr_GENERAL_NAMES_free(GENERAL_NAMES *s) { GENERAL_NAMES_free(s); }
static inline int lcr_sk_CMS_SignerInfo_num(STACK_OF(CMS_SignerInfo) *s) { return sk_CMS_SignerInfo_num(s); }
static inline CMS_SignerInfo *lcr_sk_CMS_SignerInfo_value(STACK_OF(CMS_SignerInfo) *s, int i) { return sk_CMS_SignerInfo_value(s, i); }
static inline long lcr_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
static inline void lcr_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline unsigned long lcr_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }
static inline CMS_ContentInfo *lcr_PEM_read_bio_CMS(BIO *b) { return PEM_read_bio_CMS(b, NULL, NULL, NULL); }
static inline EVP_PKEY *lcr_EVP_RSA_gen(unsigned int bits) { return EVP_RSA_gen(bits); }
static inline EVP_PKEY *lcr_EVP_EC_gen(const char *curve) { return EVP_EC_gen(curve); }

/* libcurl, loaded on first use. lcr_curl_load() loads it (once; later calls give the same answer): 1 when
 * libcurl.so.4 and every function below were found, else 0, and lcr_curl_load_error() says why (dlerror's text;
 * "" when loaded). Call it, then lcr_curl_global_init, before making any handle. */
int lcr_curl_load(void);
const char *lcr_curl_load_error(void);

CURLcode lcr_curl_global_init(long flags);
CURL *lcr_curl_easy_init(void);
void lcr_curl_easy_cleanup(CURL *h);
CURLcode lcr_curl_easy_perform(CURL *h);
const char *lcr_curl_easy_strerror(CURLcode c);
curl_mime *lcr_curl_mime_init(CURL *h);
curl_mimepart *lcr_curl_mime_addpart(curl_mime *m);
CURLcode lcr_curl_mime_data(curl_mimepart *p, const char *data, size_t size);
CURLcode lcr_curl_mime_type(curl_mimepart *p, const char *type);
void lcr_curl_mime_free(curl_mime *m);
CURLM *lcr_curl_multi_init(void);
CURLMcode lcr_curl_multi_add_handle(CURLM *m, CURL *h);
CURLMcode lcr_curl_multi_remove_handle(CURLM *m, CURL *h);
CURLMcode lcr_curl_multi_perform(CURLM *m, int *running);
CURLMcode lcr_curl_multi_poll(CURLM *m, struct curl_waitfd *extra, unsigned int count, int timeout_ms, int *ready);
CURLMsg *lcr_curl_multi_info_read(CURLM *m, int *queued);
CURLMcode lcr_curl_multi_cleanup(CURLM *m);
const char *lcr_curl_multi_strerror(CURLMcode c);
struct curl_slist *lcr_curl_slist_append(struct curl_slist *l, const char *s);
void lcr_curl_slist_free_all(struct curl_slist *l);

/* libcurl's variadic functions, one typed wrapper per argument kind */
CURLcode lcr_curl_easy_setopt_long(CURL *h, CURLoption o, long v);
CURLcode lcr_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v);
CURLcode lcr_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v);
CURLcode lcr_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode lcr_curl_easy_setopt_offset(CURL *h, CURLoption o, curl_off_t v);
CURLcode lcr_curl_easy_setopt_write_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *));
CURLcode lcr_curl_easy_setopt_read_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *));
CURLcode lcr_curl_easy_setopt_prereq_function(CURL *h, curl_prereq_callback f);
CURLcode lcr_curl_easy_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback f);
CURLcode lcr_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v);
CURLcode lcr_curl_easy_getinfo_offset(CURL *h, CURLINFO i, curl_off_t *v);
CURLcode lcr_curl_easy_getinfo_string(CURL *h, CURLINFO i, char **v);
CURLcode lcr_curl_easy_getinfo_tls_session(CURL *h, struct curl_tlssessioninfo **v);

#endif
