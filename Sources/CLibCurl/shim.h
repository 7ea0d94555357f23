#ifndef BINDERY_CLIBCURL_SHIM_H
#define BINDERY_CLIBCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt is variadic, which Swift cannot call: one typed wrapper
// per kind of argument (long, pointer, callback).
static inline CURLcode bindery_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode bindery_curl_set_pointer(CURL *curl, CURLoption option, const void *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*bindery_curl_read_callback)(char *buffer, size_t size, size_t count, void *userdata);
static inline CURLcode bindery_curl_set_read_function(CURL *curl, bindery_curl_read_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_READFUNCTION, callback);
}
static inline CURLcode bindery_curl_get_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
