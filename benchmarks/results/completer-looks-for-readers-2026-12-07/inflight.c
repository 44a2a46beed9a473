// inflight.c: a minimal RESP client keeping N requests in flight on ONE connection (W1-like mix:
// 80% GET / 20% SET of 100 B over 10,000 keys). No library, no allocation, no decoding beyond
// finding each reply's end.
//   mode 0: blocking recv; after each recv, one write with as many new requests as replies read
//   mode 1: the same, spinning on a non-blocking recv (never sleeps)
//   mode 2: blocking recv; one write PER new request (as an event loop flushing each command)
// gcc -O2 -o inflight inflight.c && ./inflight MODE N SECONDS PORT
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static char val[100];
// appends one request to buf, returns its length
static int request(char *buf) {
    unsigned long long r = next();
    int key = (int)(r % 10000);
    char k[32]; int kl = snprintf(k, sizeof k, "w1:%012d", key);
    if ((r >> 32) % 10 < 8)
        return sprintf(buf, "*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n", kl, k);
    int n = sprintf(buf, "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$100\r\n", kl, k);
    memcpy(buf + n, val, 100); memcpy(buf + n + 100, "\r\n", 2);
    return n + 102;
}

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: inflight MODE N SECONDS PORT\n"); return 2; }
    int mode = atoi(argv[1]), n = atoi(argv[2]); double secs = atof(argv[3]); int port = atoi(argv[4]);
    memset(val, 'v', sizeof val);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(0x7f000001)};
    if (connect(s, (void *)&a, sizeof a)) { perror("connect"); return 1; }
    int one = 1; setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    static char out[1 << 20], in[1 << 20];
    int ol = 0;
    for (int i = 0; i < n; i++) ol += request(out + ol);
    if (write(s, out, ol) != ol) { perror("write"); return 1; }
    long done = 0, inflight = n; int il = 0;
    double t0 = now(), c0 = cpu(), end = t0 + secs;
    struct rusage u0; getrusage(RUSAGE_SELF, &u0);
    long recvs = 0, writes = 0;
    while (1) {
        ssize_t r = recv(s, in + il, sizeof in - il, mode == 1 ? MSG_DONTWAIT : 0);
        if (r < 0 && errno == EAGAIN) continue;
        if (r <= 0) { perror("recv"); return 1; }
        recvs++;
        il += r;
        // count whole replies: +..\r\n, -..\r\n, $-1\r\n, $len\r\n<len>\r\n
        int p = 0, got = 0;
        while (p < il) {
            char *e = memchr(in + p, '\n', il - p);
            if (!e) break;
            int line = (int)(e - (in + p)) + 1;
            if (in[p] == '$' && in[p + 1] != '-') {
                int len = atoi(in + p + 1);
                if (p + line + len + 2 > il) break;
                p += line + len + 2;
            } else p += line;
            got++;
        }
        memmove(in, in + p, il - p); il -= p;
        done += got; inflight -= got;
        if (now() >= end) break;
        if (mode == 2) {
            for (int i = 0; i < got; i++) { int l = request(out); if (write(s, out, l) != l) return 1; writes++; }
        } else if (got) {
            ol = 0; for (int i = 0; i < got; i++) ol += request(out + ol);
            if (write(s, out, ol) != ol) return 1; writes++;
        }
        inflight += got;
    }
    double t = now() - t0, c = cpu() - c0;
    struct rusage u1; getrusage(RUSAGE_SELF, &u1);
    printf("mode %d N %d: %.0f ops/s, client CPU %.2f us/op, %.2f recv/op, %.2f writes/op, vol cs %.2f/op\n",
           mode, n, done / t, c * 1e6 / done, (double)recvs / done, (double)writes / done, (double)(u1.ru_nvcsw - u0.ru_nvcsw) / done);
    return 0;
}
