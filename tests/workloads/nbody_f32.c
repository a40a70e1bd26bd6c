/*
 * N-body in single precision (f32), the float twin of nbody_f64.c (MCUs with a single-precision
 * FPU only, e.g. Cortex-M4F, compute like this): same bodies and steps, all arithmetic in
 * float (f suffixes everywhere, so nothing is promoted to double). n*1000 steps of dt = 0.01.
 * The checksum folds the bit patterns of the final energy and positions.
 */
#include "workload.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define BODIES 5

typedef struct {
    float x, y, z, vx, vy, vz, mass;
} body;

/* The initial values are double constants rounded to float at compile time. */
static const body initial[BODIES] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static body bodies[BODIES];

static void advance(float dt) {
    for (int i = 0; i < BODIES; i++) {
        body *a = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            body *b = &bodies[j];
            float dx = a->x - b->x;
            float dy = a->y - b->y;
            float dz = a->z - b->z;
            float d2 = dx * dx + dy * dy + dz * dz;
            float mag = dt / (d2 * __builtin_sqrtf(d2));
            a->vx -= dx * b->mass * mag;
            a->vy -= dy * b->mass * mag;
            a->vz -= dz * b->mass * mag;
            b->vx += dx * a->mass * mag;
            b->vy += dy * a->mass * mag;
            b->vz += dz * a->mass * mag;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        body *a = &bodies[i];
        a->x += dt * a->vx;
        a->y += dt * a->vy;
        a->z += dt * a->vz;
    }
}

static float energy(void) {
    float e = 0.0f;
    for (int i = 0; i < BODIES; i++) {
        body *a = &bodies[i];
        e += 0.5f * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < BODIES; j++) {
            body *b = &bodies[j];
            float dx = a->x - b->x;
            float dy = a->y - b->y;
            float dz = a->z - b->z;
            e -= a->mass * b->mass / __builtin_sqrtf(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void offset_momentum(void) {
    float px = 0.0f, py = 0.0f, pz = 0.0f;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / (float)SOLAR_MASS;
    bodies[0].vy = -py / (float)SOLAR_MASS;
    bodies[0].vz = -pz / (float)SOLAR_MASS;
}

static u32 mix_float(u32 h, float f) {
    union {
        float f;
        u32 u;
    } bits;
    bits.f = f;
    return mix32(h, bits.u);
}

WORKLOAD_RUN {
    for (int i = 0; i < BODIES; i++) {
        bodies[i] = initial[i];
    }
    offset_momentum();
    u32 h = mix_float(CHECKSUM_INIT, energy());
    for (int step = 0; step < n * 1000; step++) {
        advance(0.01f);
    }
    h = mix_float(h, energy());
    for (int i = 0; i < BODIES; i++) {
        h = mix_float(h, bodies[i].x);
        h = mix_float(h, bodies[i].y);
        h = mix_float(h, bodies[i].z);
    }
    return (int)h;
}
