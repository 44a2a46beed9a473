// rpp.c: the floor for "cluster W1 at 1 in flight against one server" on this host. A minimal
// RESP client with one request in flight: W1's mix (80/20 GET/SET of 100 B over 10,000 keys),
// each request sent to the node that serves its key's slot (3 ports) or to one server (1 port).
// No library, no decoding beyond finding the reply's end, no allocation: what is left is the
// servers, the kernel and the wake-ups.
//
// Modes: how the client waits for a reply
//   0  a blocking recv (the kernel wakes the thread)
//   1  spinning on a non-blocking recv
//   2  spinning on poll(socket, eventfd, timeout 0), then a non-blocking recv (glide-jni's look)
// Prints round trips per second, the process's CPU per round trip, and its context switches.
//
// gcc -O2 -o rpp rpp.c && ./rpp MODE SECONDS PORT [PORT2 PORT3]
// With 3 ports they must serve slots 0-5460, 5461-10922 and 10923-16383, in that order
// (redis-cli --cluster create's split for 3 primaries). ONLY=i sends only the keys of node i.
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

// The cluster's key hash (CRC16-CCITT, XMODEM).
static unsigned short crc16(const char *b, int n) {
    unsigned short c = 0;
    for (int i = 0; i < n; i++) {
        c ^= (unsigned char)b[i] << 8;
        for (int j = 0; j < 8; j++) c = (c & 0x8000) ? (c << 1) ^ 0x1021 : c << 1;
    }
    return c;
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }

static int connect_to(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(0x7f000001)};
    if (connect(s, (void *)&a, sizeof a)) { perror("connect"); exit(1); }
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return s;
}

// Whether buf[0..got) holds one whole reply (a status, an error, an integer or a bulk string).
static int whole(const char *buf, int got) {
    if (got < 2 || buf[got - 2] != '\r' || buf[got - 1] != '\n') return 0;
    if (buf[0] != '$') return 1;
    int len = atoi(buf + 1);
    if (len < 0) return 1;
    const char *end = memmem(buf, got, "\r\n", 2);
    return got >= (end - buf) + 2 + len + 2;
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 6) { fprintf(stderr, "usage: rpp MODE SECONDS PORT [PORT2 PORT3]\n"); return 2; }
    int mode = atoi(argv[1]);
    double seconds = atof(argv[2]);
    int nodes = argc - 3, s[3];
    for (int i = 0; i < nodes; i++) s[i] = connect_to(atoi(argv[3 + i]));
    int only = getenv("ONLY") ? atoi(getenv("ONLY")) : -1;
    int efd = eventfd(0, EFD_NONBLOCK);
    char value[101], req[512], buf[4096], key[32];
    memset(value, 'v', 100);
    value[100] = 0;
    unsigned x = 12345;
    long ops = 0;
    double t0 = now(), c0 = cpu(), end = t0 + seconds;
    while ((ops & 255) != 0 || now() < end) {
        x = x * 1103515245 + 12345;
        int k = (x >> 8) % 10000, get = ((x >> 20) % 10) < 8;
        int kl = sprintf(key, "key:%d", k);
        int slot = crc16(key, kl) & 16383;
        int node = nodes == 1 ? 0 : slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2;
        if (only >= 0 && node != only) continue;
        int rl = get ? sprintf(req, "*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n", kl, key)
                     : sprintf(req, "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$100\r\n%s\r\n", kl, key, value);
        if (send(s[node], req, rl, 0) != rl) { perror("send"); return 1; }
        int got = 0;
        do {
            int r;
            if (mode == 2) {
                struct pollfd p[2] = {{s[node], POLLIN, 0}, {efd, POLLIN, 0}};
                while (poll(p, 2, 0) == 0) {}
            }
            r = recv(s[node], buf + got, sizeof buf - got, mode == 0 ? 0 : MSG_DONTWAIT);
            if (r == 0) { fprintf(stderr, "closed\n"); return 1; }
            if (r > 0) got += r;
        } while (!whole(buf, got));
        ops++;
    }
    double t = now() - t0, c = cpu() - c0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("mode %s nodes %d: %.0f rt/s, cpu %.2f us/rt, involuntary switches/rt %.3f, voluntary/rt %.3f\n",
           mode == 2 ? "poll-spin" : mode ? "recv-spin" : "block", nodes, ops / t, c / ops * 1e6,
           ru.ru_nivcsw / (double)ops, ru.ru_nvcsw / (double)ops);
    return 0;
}
