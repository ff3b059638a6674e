#ifndef LCR_CSHIMS_H
#define LCR_CSHIMS_H
/* The few C calls Swift cannot make: variadic libcurl functions and OpenSSL macros. One line each. */
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

/* libcurl variadic functions, one typed wrapper per argument kind */
static inline CURLcode lcr_curl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lcr_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lcr_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lcr_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lcr_curl_easy_setopt_write_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode lcr_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lcr_curl_easy_getinfo_offset(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lcr_curl_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lcr_curl_easy_getinfo_tls_session(CURL *h, struct curl_tlssessioninfo **v) { return curl_easy_getinfo(h, CURLINFO_TLS_SSL_PTR, v); }
static inline CURLcode lcr_curl_easy_setopt_prereq_function(CURL *h, curl_prereq_callback f) { return curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, f); }
static inline CURLcode lcr_curl_easy_setopt_offset(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lcr_curl_easy_setopt_read_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, f); }
static inline CURLcode lcr_curl_easy_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

#endif
