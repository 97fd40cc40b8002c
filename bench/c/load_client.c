/*
 * Tight greet-and-close load client: keeps CONC connections in flight on loopback, each one
 * connect, wait for the server's FIN (EPOLLRDHUP), read the greeting once, close. No threads,
 * one epoll set, no allocation per connection, so it costs less CPU than the servers it drives.
 *
 *   load_client HOST PORT TOTAL [CONC=8] [EXPECT_BYTES=18] [RATE=0 (connections/s, 0: as fast as possible)]
 *
 * Prints one line: key=value pairs (conns, ok, bad, secs, rate, cpu_user, cpu_sys).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in target;
static long received[1 << 16]; /* bytes so far, by descriptor */

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int open_one(int ep) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    if (fd >= (1 << 16)) { close(fd); return -1; }
    if (connect(fd, (struct sockaddr *)&target, sizeof target) < 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    struct epoll_event ev = {.events = EPOLLRDHUP | EPOLLIN, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s HOST PORT TOTAL [CONC] [EXPECT_BYTES]\n", argv[0]);
        return 2;
    }
    memset(&target, 0, sizeof target);
    target.sin_family = AF_INET;
    target.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &target.sin_addr) != 1 || !(ntohl(target.sin_addr.s_addr) >> 24 == 127)) {
        fprintf(stderr, "loopback IPv4 addresses only\n");
        return 2;
    }
    long total = atol(argv[3]);
    int conc = argc > 4 ? atoi(argv[4]) : 8;
    long expect = argc > 5 ? atol(argv[5]) : 18;
    double rate = argc > 6 ? atof(argv[6]) : 0; /* paced: start at most rate * elapsed connections */
    int ep = epoll_create1(0);
    long started = 0, done = 0, ok = 0, bad = 0, failed_connect = 0;
    char buf[4096];
    double t0 = now_s();
#define ALLOWED() (rate <= 0 || started < (long)(rate * (now_s() - t0)) + 1)
    for (int i = 0; i < conc && started < total && ALLOWED(); i++) {
        if (open_one(ep) >= 0) started++; else failed_connect++;
    }
    long in_flight = started;
    double deadline = t0 + 120.0; /* bounded in time whatever the server does */
    while ((done < started || started < total) && now_s() < deadline) {
        struct epoll_event got[64];
        if (rate > 0) { /* top up to CONC in flight as the pace allows */
            while (in_flight < conc && started < total && ALLOWED()) {
                if (open_one(ep) >= 0) { started++; in_flight++; } else failed_connect++;
            }
        }
        int n = epoll_wait(ep, got, 64, rate > 0 ? 1 : 1000);
        for (int i = 0; i < n; i++) {
            int fd = got[i].data.fd;
            long have = received[fd];
            int finished = 0;
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) { have += r; continue; }
                if (r == 0) finished = 1;
                else if (errno != EAGAIN) finished = 2;
                break;
            }
            if (!finished && !(got[i].events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
                received[fd] = have;
                continue; /* data without FIN yet: wait */
            }
            /* A level-triggered EPOLLRDHUP wake-up normally finds data then EOF in one pass. */
            if (finished == 1 && have == expect) ok++; else bad++;
            received[fd] = 0;
            close(fd);
            done++;
            in_flight--;
            if (started < total && ALLOWED()) {
                if (open_one(ep) >= 0) { started++; in_flight++; } else failed_connect++;
            }
        }
    }
    double secs = now_s() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("conns=%ld ok=%ld bad=%ld connect_failed=%ld secs=%.4f rate=%.1f cpu_user=%.4f cpu_sys=%.4f\n",
           done, ok, bad, failed_connect, secs, done / secs,
           ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
    return bad || done < total ? 1 : 0;
}
