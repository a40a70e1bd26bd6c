/*
 * files: reads, lists, writes, renames and removes files in the directory DIR, and leaves it
 * as it found it. Prints only names relative to DIR, so the output is the same wherever DIR is.
 * Usage: files DIR (the directory holding input.txt, zeta.txt and sub/nested.txt).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *dir;

static const char *path(const char *name) {
    static char buf[2][1024];
    static int which;
    which ^= 1;
    snprintf(buf[which], sizeof buf[which], "%.500s/%.500s", dir, name);
    return buf[which];
}

static const char *error_name(int e) {
    switch (e) {
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    default: return "other";
    }
}

/* Prints the result of a call that returns -1 and sets errno on failure. */
static void report(const char *what, int result) {
    if (result < 0) {
        printf("%s: %d %s\n", what, result, error_name(errno));
    } else {
        printf("%s: ok\n", what);
    }
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Prints the entries of DIR/name sorted, with their type and size. */
static void list(const char *name) {
    const char *p = path(name);
    DIR *d = opendir(p);
    if (!d) {
        printf("opendir %s: %s\n", name, error_name(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (n < 64) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof names[0], compare_names);
    printf("listing %s:\n", name);
    for (int i = 0; i < n; i++) {
        char entry[512];
        snprintf(entry, sizeof entry, "%s/%s", name, names[i]);
        struct stat st;
        if (stat(path(entry), &st) != 0) {
            printf("  %s: stat failed: %s\n", names[i], error_name(errno));
        } else if (S_ISDIR(st.st_mode)) {
            printf("  %s/\n", names[i]);
        } else {
            printf("  %s (%lld bytes)\n", names[i], (long long) st.st_size);
        }
        free(names[i]);
    }
}

static void print_file(const char *name) {
    FILE *f = fopen(path(name), "r");
    if (!f) {
        printf("fopen %s: %s\n", name, error_name(errno));
        return;
    }
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        printf("%s:%d: %s", name, ++n, line);
    }
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: files DIR\n");
        return 2;
    }
    dir = argv[1];

    /* read */
    print_file("input.txt");
    FILE *in = fopen(path("input.txt"), "rb");
    long words = 0, bytes = 0;
    int c, in_word = 0;
    while ((c = fgetc(in)) != EOF) {
        bytes++;
        if (c == ' ' || c == '\n' || c == '\t') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    fclose(in);
    struct stat st;
    stat(path("input.txt"), &st);
    printf("input.txt: %ld words, %ld bytes read, st_size %lld, regular %d\n", words, bytes,
           (long long) st.st_size, S_ISREG(st.st_mode) ? 1 : 0);

    list(".");
    list("sub");
    print_file("sub/nested.txt");

    /* write, append, overwrite in place, seek */
    FILE *out = fopen(path("out.txt"), "w");
    for (int i = 1; i <= 3; i++) {
        fprintf(out, "line %d of out.txt\n", i);
    }
    fclose(out);
    out = fopen(path("out.txt"), "a");
    fputs("appended line\n", out);
    fclose(out);
    out = fopen(path("out.txt"), "r+");
    fseek(out, 5, SEEK_SET);
    fputs("ONE", out);
    fseek(out, 0, SEEK_END);
    printf("out.txt: ftell at end %ld\n", ftell(out));
    fclose(out);
    print_file("out.txt");

    /* low-level I/O */
    int fd = open(path("out.txt"), O_RDONLY);
    char buf[16] = {0};
    lseek(fd, -14, SEEK_END);
    ssize_t got = read(fd, buf, 8);
    printf("read %zd bytes at end-14: \"%s\"\n", got, buf);
    close(fd);
    ssize_t r = read(fd, buf, 1);
    report("read on closed fd", (int) r);

    /* errors */
    fd = open(path("out.txt"), O_WRONLY | O_CREAT | O_EXCL, 0644);
    report("exclusive create of existing file", fd);
    FILE *missing = fopen(path("missing.txt"), "r");
    report("open missing file", missing ? 0 : -1);
    DIR *notdir = opendir(path("input.txt"));
    report("open file as directory", notdir ? 0 : -1);

    /* directories, rename, unlink */
    report("mkdir newdir", mkdir(path("newdir"), 0755));
    report("mkdir newdir again", mkdir(path("newdir"), 0755));
    report("rename out.txt to newdir/moved.txt", rename(path("out.txt"), path("newdir/moved.txt")));
    list("newdir");
    report("rmdir non-empty newdir", rmdir(path("newdir")));
    report("unlink newdir/moved.txt", unlink(path("newdir/moved.txt")));
    report("unlink it again", unlink(path("newdir/moved.txt")));
    report("rmdir newdir", rmdir(path("newdir")));
    list(".");
    return 0;
}
