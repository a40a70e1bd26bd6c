/*
 * A JSON tokenizer and validator, as in configuration and REST/MQTT payload handling: a
 * character-class state machine that recognises strings (with escapes), numbers (parsed to
 * integers, fractions and exponents checked), literals and punctuation, and tracks nesting.
 * Each of the n passes generates a ~12 KiB JSON document of sensor records from the generator,
 * tokenizes it and folds the token kinds, parsed numbers and string hashes into the checksum.
 */
#include "workload.h"

#define DOC_SIZE 12288
#define MAX_DEPTH 32

enum { T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_COLON, T_COMMA, T_STRING, T_NUMBER,
       T_TRUE, T_FALSE, T_NULL, T_KINDS };

static char doc[DOC_SIZE + 64];
static u32 doc_len;

static void put(const char *s) {
    while (*s && doc_len < DOC_SIZE) {
        doc[doc_len++] = *s++;
    }
}

static void put_int(i32 v) {
    char tmp[12];
    int n = 0;
    u32 u = v < 0 ? (u32)(-(i64)v) : (u32)v;
    if (v < 0) {
        put("-");
    }
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    char one[2] = {0, 0};
    while (n > 0) {
        one[0] = tmp[--n];
        put(one);
    }
}

static const char *const names[8] = {
    "temp", "hum", "press", "volt", "rssi", "id", "name\\tx", "flags",
};

static void generate(u32 seed) {
    doc_len = 0;
    put("{\"device\":\"node-\\\"7\\\"\",\"records\":[");
    int first = 1;
    while (doc_len < DOC_SIZE - 200) {
        u32 r = xorshift32(&seed);
        if (!first) {
            put(",");
        }
        first = 0;
        put("{");
        int fields = 2 + (int)(r % 5);
        for (int f = 0; f < fields; f++) {
            u32 q = xorshift32(&seed);
            if (f > 0) {
                put(",");
            }
            put("\"");
            put(names[q & 7]);
            put("\":");
            switch ((q >> 3) % 6) {
                case 0:
                    put_int((i32)(q >> 8) % 100000 - 50000);
                    break;
                case 1:
                    put_int((i32)((q >> 8) % 1000));
                    put(".");
                    put_int((i32)((q >> 20) % 100));
                    put("e-2");
                    break;
                case 2:
                    put((q >> 8) & 1 ? "true" : "false");
                    break;
                case 3:
                    put("null");
                    break;
                case 4:
                    put("[");
                    put_int((i32)((q >> 8) % 50));
                    put(", ");
                    put_int((i32)((q >> 16) % 50));
                    put("]");
                    break;
                default:
                    put("\"s\\u00e9n\\\\sor\"");
                    break;
            }
        }
        put("}\n");
    }
    put("]}");
}

static u32 counts[T_KINDS];

/* Returns a checksum of the token stream, or 0 if the document is malformed. */
static u32 tokenize(const char *s, u32 len) {
    for (int i = 0; i < T_KINDS; i++) {
        counts[i] = 0;
    }
    char stack[MAX_DEPTH];
    int depth = 0;
    u32 h = CHECKSUM_INIT;
    u32 i = 0;
    while (i < len) {
        char c = s[i];
        int kind;
        u32 value = 0;
        switch (c) {
            case ' ':
            case '\t':
            case '\n':
            case '\r':
                i++;
                continue;
            case '{':
            case '[':
                if (depth == MAX_DEPTH) {
                    return 0;
                }
                stack[depth++] = c;
                kind = c == '{' ? T_LBRACE : T_LBRACKET;
                i++;
                break;
            case '}':
            case ']':
                if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '[')) {
                    return 0;
                }
                depth--;
                kind = c == '}' ? T_RBRACE : T_RBRACKET;
                i++;
                break;
            case ':':
                kind = T_COLON;
                i++;
                break;
            case ',':
                kind = T_COMMA;
                i++;
                break;
            case '"': {
                kind = T_STRING;
                u32 sh = 5381;
                i++;
                for (;;) {
                    if (i >= len) {
                        return 0;
                    }
                    char d = s[i++];
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        if (i >= len) {
                            return 0;
                        }
                        char e = s[i++];
                        switch (e) {
                            case 'n': d = '\n'; break;
                            case 't': d = '\t'; break;
                            case 'r': d = '\r'; break;
                            case 'b': d = '\b'; break;
                            case 'f': d = '\f'; break;
                            case '"':
                            case '\\':
                            case '/':
                                d = e;
                                break;
                            case 'u': {
                                u32 cp = 0;
                                for (int k = 0; k < 4; k++) {
                                    if (i >= len) {
                                        return 0;
                                    }
                                    char x = s[i++];
                                    u32 v;
                                    if (x >= '0' && x <= '9') {
                                        v = (u32)(x - '0');
                                    } else if (x >= 'a' && x <= 'f') {
                                        v = (u32)(x - 'a' + 10);
                                    } else if (x >= 'A' && x <= 'F') {
                                        v = (u32)(x - 'A' + 10);
                                    } else {
                                        return 0;
                                    }
                                    cp = cp * 16 + v;
                                }
                                sh = sh * 33 + cp;
                                continue;
                            }
                            default:
                                return 0;
                        }
                    }
                    sh = sh * 33 + (u8)d;
                }
                value = sh;
                break;
            }
            case 't':
            case 'f':
            case 'n': {
                const char *lit = c == 't' ? "true" : (c == 'f' ? "false" : "null");
                kind = c == 't' ? T_TRUE : (c == 'f' ? T_FALSE : T_NULL);
                while (*lit) {
                    if (i >= len || s[i] != *lit) {
                        return 0;
                    }
                    i++;
                    lit++;
                }
                break;
            }
            default: {
                if (c != '-' && (c < '0' || c > '9')) {
                    return 0;
                }
                kind = T_NUMBER;
                int neg = 0;
                if (c == '-') {
                    neg = 1;
                    i++;
                }
                u32 v = 0;
                int digits = 0;
                while (i < len && s[i] >= '0' && s[i] <= '9') {
                    v = v * 10 + (u32)(s[i] - '0');
                    i++;
                    digits++;
                }
                if (digits == 0) {
                    return 0;
                }
                u32 frac = 0;
                if (i < len && s[i] == '.') {
                    i++;
                    int fd = 0;
                    while (i < len && s[i] >= '0' && s[i] <= '9') {
                        frac = frac * 10 + (u32)(s[i] - '0');
                        i++;
                        fd++;
                    }
                    if (fd == 0) {
                        return 0;
                    }
                }
                i32 exp = 0;
                if (i < len && (s[i] == 'e' || s[i] == 'E')) {
                    i++;
                    int eneg = 0;
                    if (i < len && (s[i] == '+' || s[i] == '-')) {
                        eneg = s[i] == '-';
                        i++;
                    }
                    int ed = 0;
                    while (i < len && s[i] >= '0' && s[i] <= '9') {
                        exp = exp * 10 + (s[i] - '0');
                        i++;
                        ed++;
                    }
                    if (ed == 0) {
                        return 0;
                    }
                    if (eneg) {
                        exp = -exp;
                    }
                }
                value = (neg ? 0u - v : v) * 1000003u + frac * 31u + (u32)exp;
                break;
            }
        }
        counts[kind]++;
        h = mix32(h, (u32)kind * 0x9E3779B9u + value);
    }
    if (depth != 0) {
        return 0;
    }
    return h;
}

WORKLOAD_RUN {
    u32 seed = 0x15015015u;
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        generate(seed);
        seed = xorshift32(&seed) | 1;
        /* tokenize the same document several times (a parser does more work than a writer) */
        for (int rep = 0; rep < 4; rep++) {
            u32 t = tokenize(doc, doc_len);
            if (t == 0) {
                return -1;
            }
            h = mix32(h, t);
        }
        for (int k = 0; k < T_KINDS; k++) {
            h = mix32(h, counts[k]);
        }
    }
    return (int)h;
}
