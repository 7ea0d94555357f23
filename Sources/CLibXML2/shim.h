#ifndef BINDERY_CLIBXML2_SHIM_H
#define BINDERY_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU. Pulling ICU's headers in next to Foundation
// makes Swift see two different 'UErrorCode' types, so read the version header
// first and switch the ICU parts off before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
