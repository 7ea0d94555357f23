#ifndef BINDERY_UNNAMED_FILE_H
#define BINDERY_UNNAMED_FILE_H

/// Opens a new, unnamed regular file in the folder `directory` for writing
/// (Linux `O_TMPFILE`): it gets its name, whole, from `linkat(2)` once
/// written. Returns -1 and sets errno when the system or file system has no
/// such files (then `EOPNOTSUPP`, `EISDIR` or `EINVAL`).
///
/// In C because Swift does not import `O_TMPFILE` (a composite macro).
int bindery_open_unnamed_file(int directory, unsigned int mode);

#endif
