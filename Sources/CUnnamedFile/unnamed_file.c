// O_TMPFILE is a compound macro that Swift does not import, so these two calls live in C.
#define _GNU_SOURCE
#include "unnamed_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int healthguide_open_unnamed_file(const char *folder) {
#ifdef O_TMPFILE
    return open(folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#else
    (void)folder;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

int healthguide_name_unnamed_file(int descriptor, const char *path) {
#ifdef O_TMPFILE
    // Naming a file by descriptor without privileges goes through /proc (see open(2), O_TMPFILE).
    char source[64];
    snprintf(source, sizeof source, "/proc/self/fd/%d", descriptor);
    return linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
#else
    (void)descriptor;
    (void)path;
    errno = EOPNOTSUPP;
    return -1;
#endif
}
