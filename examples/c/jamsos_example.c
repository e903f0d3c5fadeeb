/*
 * Calling jamsos from C through its C ABI (crates/jamsos-ffi/include/jamsos.h).
 *
 * Build the library, then compile and run this file (from the repository root):
 *
 *     cargo build --release -p jamsos-ffi
 *     cc -std=c11 -Wall -Wextra examples/c/jamsos_example.c \
 *        -Icrates/jamsos-ffi/include -Ltarget/release -ljamsos_ffi -o jamsos_example
 *     LD_LIBRARY_PATH=target/release ./jamsos_example
 *     LD_LIBRARY_PATH=target/release ./jamsos_example contribution examples/data/pmi-agency.json
 *
 * With no arguments it runs a short demonstration: a result, an invalid case
 * (the contract's error document, status 2) and a call the library refuses
 * (a negative status, no document). With a command and a file (or standard
 * input when the file is omitted or "-") it behaves like `jamsos COMMAND`:
 * it prints the JSON document and exits with the status (0, 1 or 2; 3 when
 * the library refuses the call).
 *
 * The memory rules, in short: the input is only borrowed; the document is
 * the library's, handed to us, and must be given back with jamsos_free()
 * (never free()). `crates/jamsos-ffi` and docs/FFI.md have the whole story.
 *
 * This file is compiled with -Wall -Wextra -Werror -std=c11 and run by
 * `cargo test -p jamsos-ffi --test examples`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jamsos.h"

/* Answers `input` with `command` and prints "LABEL: status N" and the
 * document, if there is one. Returns the status. */
static int32_t show(const char *label, const char *command, const char *input)
{
    char *out = NULL;
    size_t out_len = 0;
    int32_t status = jamsos_respond(command, (const uint8_t *)input, strlen(input), &out, &out_len);
    printf("%s: status %d\n", label, (int)status);
    if (status >= 0) {
        /* 0, 1 or 2: `out` is a NUL-terminated document of `out_len` bytes. */
        printf("%s\n", out);
    } else {
        /* Negative: the call was refused and `out` is NULL. */
        printf("(no document)\n");
    }
    /* Freeing NULL is allowed, so one call covers both branches. */
    jamsos_free(out);
    return status;
}

static int demo(void)
{
    printf("jamsos %s, contract version %u\n", jamsos_version(),
           (unsigned)jamsos_contract_version());

    /* A market trader at the minimum declared income, October 2026. */
    const char *trader =
        "{\"period\": \"2026-10\", \"participant\": {\"category\": \"bpu\", \"income\": 1000000}}";
    /* Risk class 6 does not exist (classes are 1 to 5): invalid input. */
    const char *bad_class =
        "{\"period\": \"2025-04\", \"participant\": {\"category\": \"pu\", "
        "\"birth_date\": \"1990-05-17\", \"wage\": 10000000, \"risk_class\": 6, "
        "\"scale\": \"medium\"}}";

    int ok = show("contribution", "contribution", trader) == JAMSOS_OK;
    ok &= show("invalid case", "contribution", bad_class) == JAMSOS_INVALID_INPUT;
    ok &= show("unknown command", "contributions", trader) == JAMSOS_ERR_UNKNOWN_COMMAND;
    return ok ? 0 : 1;
}

/* Reads all of `file` into a malloc'd buffer; NULL on failure. */
static char *read_all(FILE *file, size_t *len)
{
    size_t cap = 4096;
    size_t used = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    for (;;) {
        size_t n = fread(buf + used, 1, cap - used, file);
        used += n;
        if (n == 0) {
            break;
        }
        if (used == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (ferror(file)) {
        free(buf);
        return NULL;
    }
    *len = used;
    return buf;
}

/* `jamsos_example COMMAND [FILE]`: one document, like the command line. */
static int one_document(const char *command, const char *path)
{
    FILE *file = stdin;
    if (path != NULL && strcmp(path, "-") != 0) {
        file = fopen(path, "rb");
        if (file == NULL) {
            fprintf(stderr, "jamsos_example: cannot open %s\n", path);
            return 3;
        }
    }
    size_t len = 0;
    char *input = read_all(file, &len);
    if (file != stdin) {
        fclose(file);
    }
    if (input == NULL) {
        fprintf(stderr, "jamsos_example: cannot read the document\n");
        return 3;
    }

    char *out = NULL;
    size_t out_len = 0;
    /* The input is passed with its length: it need not be NUL-terminated. */
    int32_t status = jamsos_respond(command, (const uint8_t *)input, len, &out, &out_len);
    /* The library only borrowed the input; it is ours to free, now. */
    free(input);
    if (status < 0) {
        fprintf(stderr, "jamsos_example: the library refused the call (status %d)\n",
                (int)status);
        return 3;
    }
    /* Write exactly `out_len` bytes: the document, then a newline. */
    fwrite(out, 1, out_len, stdout);
    fputc('\n', stdout);
    jamsos_free(out);
    return (int)status;
}

int main(int argc, char **argv)
{
    if (argc == 1) {
        return demo();
    }
    if (argc == 2 || argc == 3) {
        return one_document(argv[1], argc == 3 ? argv[2] : NULL);
    }
    fprintf(stderr, "usage: %s [COMMAND [FILE]]\n", argv[0]);
    return 3;
}
