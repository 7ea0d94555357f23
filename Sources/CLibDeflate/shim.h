#ifndef BINDERY_CLIBDEFLATE_SHIM_H
#define BINDERY_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
