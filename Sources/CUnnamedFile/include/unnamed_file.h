#ifndef HEALTHGUIDE_UNNAMED_FILE_H
#define HEALTHGUIDE_UNNAMED_FILE_H

/// Opens a new file without a name in `folder`, for writing (Linux's O_TMPFILE). Returns the
/// descriptor, or -1 with errno set when the system or the file system cannot; callers then
/// write to a named scratch file instead.
int healthguide_open_unnamed_file(const char *folder);

/// Gives the unnamed file open at `descriptor` the name `path`, complete at once. Fails with
/// EEXIST when `path` exists: a name is never replaced this way.
int healthguide_name_unnamed_file(int descriptor, const char *path);

#endif
