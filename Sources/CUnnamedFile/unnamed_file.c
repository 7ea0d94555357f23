#define _GNU_SOURCE
#include "unnamed_file.h"

#include <errno.h>
#include <fcntl.h>

int bindery_open_unnamed_file(int directory, unsigned int mode) {
#ifdef O_TMPFILE
    return openat(directory, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
#else
    (void)directory;
    (void)mode;
    errno = EOPNOTSUPP;
    return -1;
#endif
}
