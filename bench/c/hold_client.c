/*
 * Holds N keep-open connections: opens them (at most CONC handshakes unanswered at a time),
 * waits until each has received EXPECT greeting bytes, prints "greeted ...", then keeps them
 * open and waits for the server to close them all, printing the CLOCK_MONOTONIC time of the
 * last close so a driver can time the server's stop. Loopback IPv4 only; bounded in time.
 *
 *   hold_client HOST PORT N [EXPECT=18] [CONC=256] [MAX_SECONDS=300]
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

#define MAXFD (1 << 17)
static long got[MAXFD];
static char state[MAXFD]; /* 0 unused, 1 waiting for greeting, 2 greeted (held), 3 closed */

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s HOST PORT N [EXPECT] [CONC] [MAX_SECONDS]\n", argv[0]);
        return 2;
    }
    struct sockaddr_in target;
    memset(&target, 0, sizeof target);
    target.sin_family = AF_INET;
    target.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &target.sin_addr) != 1 || ntohl(target.sin_addr.s_addr) >> 24 != 127) {
        fprintf(stderr, "loopback IPv4 addresses only\n");
        return 2;
    }
    long n = atol(argv[3]);
    long expect = argc > 4 ? atol(argv[4]) : 18;
    long conc = argc > 5 ? atol(argv[5]) : 256;
    double max_s = argc > 6 ? atof(argv[6]) : 300;
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);

    int ep = epoll_create1(0);
    long opened = 0, waiting = 0, greeted = 0, closed = 0, failed = 0;
    double t0 = now_s(), deadline = t0 + max_s, t_greeted = 0, t_last_close = 0;
    char buf[65536];
    struct epoll_event evs[256];
    while (now_s() < deadline) {
        while (opened < n && waiting < conc) {
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (fd < 0 || fd >= MAXFD) {
                fprintf(stderr, "socket: %s\n", strerror(errno));
                failed++;
                n = opened; /* cannot open more: hold what we have */
                if (fd >= 0) close(fd);
                break;
            }
            if (connect(fd, (struct sockaddr *)&target, sizeof target) < 0 && errno != EINPROGRESS) {
                failed++;
                close(fd);
                continue;
            }
            struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = fd};
            epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
            state[fd] = 1;
            got[fd] = 0;
            opened++;
            waiting++;
        }
        if (!t_greeted && greeted + closed >= n && opened >= n) {
            t_greeted = now_s();
            printf("greeted=%ld failed=%ld closed_early=%ld secs=%.3f\n", greeted, failed, closed, t_greeted - t0);
            fflush(stdout);
        }
        if (t_greeted && closed >= opened) break;
        int k = epoll_wait(ep, evs, 256, 100);
        for (int i = 0; i < k; i++) {
            int fd = evs[i].data.fd;
            int eof = 0;
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) { got[fd] += r; continue; }
                if (r == 0 || errno != EAGAIN) eof = 1;
                break;
            }
            if (state[fd] == 1 && got[fd] >= expect) {
                state[fd] = 2;
                waiting--;
                greeted++;
            }
            if (eof) {
                if (state[fd] == 1) waiting--;
                state[fd] = 3;
                closed++;
                t_last_close = now_s();
                close(fd);
            }
        }
    }
    printf("closed=%ld of %ld last_close_monotonic=%.6f\n", closed, opened, t_last_close);
    return closed >= opened ? 0 : 1;
}
