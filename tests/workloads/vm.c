/*
 * A small bytecode interpreter: a stack machine with registers, calls and a switch-dispatched
 * loop, the shape of the scripting engines, protocol state machines and PLC runtimes found in
 * firmware. A two-pass assembler (labels, fix-ups) builds a program that counts the primes
 * below a limit by trial division and hashes them through a subroutine; the VM runs it n times
 * with slightly different limits.
 */
#include "workload.h"

enum {
    OP_HALT, OP_PUSH, OP_LOAD, OP_STORE, OP_INC, OP_DUP, OP_ADD, OP_SUB, OP_MUL, OP_MOD,
    OP_XOR, OP_LT, OP_GT, OP_JMP, OP_JZ, OP_JNZ, OP_CALL, OP_RET,
};

#define MAX_CODE 256
#define MAX_LABELS 16
#define NREGS 8

static i32 code[MAX_CODE];
static int code_len;
static int label_at[MAX_LABELS];
static int fixup_pos[MAX_LABELS * 4];
static int fixup_label[MAX_LABELS * 4];
static int nfixups;

static void emit(i32 op) {
    code[code_len++] = op;
}

static void emit1(i32 op, i32 arg) {
    code[code_len++] = op;
    code[code_len++] = arg;
}

/* a jump or call to a label, patched by link() */
static void emit_to(i32 op, int label) {
    code[code_len++] = op;
    fixup_pos[nfixups] = code_len;
    fixup_label[nfixups++] = label;
    code[code_len++] = -1;
}

static void mark(int label) {
    label_at[label] = code_len;
}

static void link(void) {
    for (int i = 0; i < nfixups; i++) {
        code[fixup_pos[i]] = label_at[fixup_label[i]];
    }
}

enum { L_OUTER, L_INNER, L_PRIME, L_NEXT, L_DONE, L_MIX };

/* registers: r0 candidate, r1 count, r2 divisor, r5 hash, r7 limit (set by the host) */
static void assemble(void) {
    code_len = 0;
    nfixups = 0;
    emit1(OP_PUSH, 2);
    emit1(OP_STORE, 0);
    emit1(OP_PUSH, 0);
    emit1(OP_STORE, 1);
    emit1(OP_PUSH, 17);
    emit1(OP_STORE, 5);
    mark(L_OUTER);
    emit1(OP_LOAD, 0);
    emit1(OP_LOAD, 7);
    emit(OP_LT);
    emit_to(OP_JZ, L_DONE);
    emit1(OP_PUSH, 2);
    emit1(OP_STORE, 2);
    mark(L_INNER);
    emit1(OP_LOAD, 2);
    emit(OP_DUP);
    emit(OP_MUL);
    emit1(OP_LOAD, 0);
    emit(OP_GT);
    emit_to(OP_JNZ, L_PRIME);
    emit1(OP_LOAD, 0);
    emit1(OP_LOAD, 2);
    emit(OP_MOD);
    emit_to(OP_JZ, L_NEXT);
    emit1(OP_INC, 2);
    emit_to(OP_JMP, L_INNER);
    mark(L_PRIME);
    emit1(OP_INC, 1);
    emit_to(OP_CALL, L_MIX);
    mark(L_NEXT);
    emit1(OP_INC, 0);
    emit_to(OP_JMP, L_OUTER);
    mark(L_DONE);
    emit(OP_HALT);
    mark(L_MIX); /* r5 = (r5 * 31 + r0) ^ r1 */
    emit1(OP_LOAD, 5);
    emit1(OP_PUSH, 31);
    emit(OP_MUL);
    emit1(OP_LOAD, 0);
    emit(OP_ADD);
    emit1(OP_LOAD, 1);
    emit(OP_XOR);
    emit1(OP_STORE, 5);
    emit(OP_RET);
    link();
}

/* Runs the program; returns the number of instructions executed, or 0 on a VM fault. */
static u32 execute(u32 *regs) {
    u32 stack[32];
    int rstack[8];
    int sp = 0, rsp = 0, pc = 0;
    u32 steps = 0;
    for (;;) {
        steps++;
        i32 op = code[pc++];
        switch (op) {
            case OP_HALT:
                return steps;
            case OP_PUSH:
                stack[sp++] = (u32)code[pc++];
                break;
            case OP_LOAD:
                stack[sp++] = regs[code[pc++]];
                break;
            case OP_STORE:
                regs[code[pc++]] = stack[--sp];
                break;
            case OP_INC:
                regs[code[pc++]]++;
                break;
            case OP_DUP:
                stack[sp] = stack[sp - 1];
                sp++;
                break;
            case OP_ADD:
                sp--;
                stack[sp - 1] += stack[sp];
                break;
            case OP_SUB:
                sp--;
                stack[sp - 1] -= stack[sp];
                break;
            case OP_MUL:
                sp--;
                stack[sp - 1] *= stack[sp];
                break;
            case OP_MOD:
                sp--;
                if (stack[sp] == 0) {
                    return 0;
                }
                stack[sp - 1] %= stack[sp];
                break;
            case OP_XOR:
                sp--;
                stack[sp - 1] ^= stack[sp];
                break;
            case OP_LT:
                sp--;
                stack[sp - 1] = stack[sp - 1] < stack[sp];
                break;
            case OP_GT:
                sp--;
                stack[sp - 1] = stack[sp - 1] > stack[sp];
                break;
            case OP_JMP:
                pc = code[pc];
                break;
            case OP_JZ:
                pc = stack[--sp] == 0 ? code[pc] : pc + 1;
                break;
            case OP_JNZ:
                pc = stack[--sp] != 0 ? code[pc] : pc + 1;
                break;
            case OP_CALL:
                rstack[rsp++] = pc + 1;
                pc = code[pc];
                break;
            case OP_RET:
                pc = rstack[--rsp];
                break;
            default:
                return 0;
        }
        if (sp < 0 || sp >= 31 || rsp < 0 || rsp >= 8) {
            return 0;
        }
    }
}

WORKLOAD_RUN {
    assemble();
    u32 h = CHECKSUM_INIT;
    for (int pass = 0; pass < n; pass++) {
        u32 regs[NREGS] = {0};
        regs[7] = 1000 + (u32)(pass & 15) * 7;
        u32 steps = execute(regs);
        if (steps == 0) {
            return -1;
        }
        h = mix32(h, regs[1]);
        h = mix32(h, regs[5]);
        h = mix32(h, steps);
    }
    return (int)h;
}
